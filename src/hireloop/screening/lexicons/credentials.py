"""Languages and certificates with their Chinese and English names."""

from __future__ import annotations

# ISO 639 code -> names
LANGUAGES: dict[str, tuple[str, ...]] = {
    "zh": ("普通话", "中文", "汉语", "Mandarin", "Chinese"),
    "en": ("英语", "英文", "English"),
    "yue": ("粤语", "广东话", "Cantonese"),
    "ja": ("日语", "日文", "Japanese"),
    "ko": ("韩语", "韩文", "Korean"),
    "fr": ("法语", "French"),
    "de": ("德语", "German"),
    "es": ("西班牙语", "Spanish"),
}

PROFICIENCY_TERMS: tuple[str, ...] = (
    "母语", "流利", "精通", "熟练", "良好", "一般", "基础", "读写", "口语", "听说", "四级", "六级", "专四", "专八",
    "native", "fluent", "proficient", "advanced", "intermediate", "basic", "conversational", "business level",
    "working proficiency", "mother tongue", "IELTS", "TOEFL", "CET", "JLPT", "N1", "N2", "TOPIK",
)

# certificate id -> (label, names); a name implies the certificate, and some imply a language.
CERTIFICATES: dict[str, tuple[str, tuple[str, ...]]] = {
    "cet4": ("CET-4", ("CET-4", "CET4", "CET 4", "大学英语四级", "英语四级", "英语CET-4")),
    "cet6": ("CET-6", ("CET-6", "CET6", "CET 6", "大学英语六级", "英语六级")),
    "tem8": ("TEM-8", ("TEM-8", "TEM8", "专业英语八级", "英语专八")),
    "ielts": ("IELTS", ("IELTS", "雅思")),
    "toefl": ("TOEFL", ("TOEFL", "托福")),
    "jlpt": ("JLPT", ("JLPT", "日语一级", "日语二级", "日语N1", "日语N2")),
    "putonghua": ("Putonghua proficiency", ("普通话二级甲等", "普通话一级乙等", "普通话二级乙等", "普通话水平测试",
                                            "普通话等级证书")),
    "driver_license": ("driver's license", ("驾驶证", "驾照", "C1驾照", "C1驾驶证", "driver's license",
                                            "driving licence", "driving license", "driver license")),
    "health_certificate": ("health certificate", ("健康证", "health certificate")),
    "cpa": ("CPA", ("注册会计师", "CPA")),
    "acca": ("ACCA", ("ACCA",)),
    "cfa": ("CFA", ("CFA",)),
    "pmp": ("PMP", ("PMP",)),
    "hr_manager": ("HR manager certificate", ("人力资源管理师",)),
    "marketing_cert": ("marketing certificate", ("营销师", "助理营销师", "高级营销师")),
    "nutritionist": ("nutritionist", ("营养师", "公共营养师", "nutritionist")),
    "food_safety": ("food safety", ("食品安全管理员", "食品安全员", "food safety certificate", "HACCP")),
    "ncre": ("computer rank exam", ("计算机二级", "全国计算机等级考试", "计算机一级", "NCRE")),
    "accounting": ("accounting qualification", ("初级会计", "会计从业资格", "中级会计")),
    "teacher": ("teacher qualification", ("教师资格证",)),
    "ecommerce_cert": ("e-commerce certificate", ("电子商务师",)),
    "google_analytics": ("Google Analytics", ("Google Analytics Certification", "Google Analytics IQ")),
}

CERTIFICATE_LANGUAGE: dict[str, str] = {"cet4": "en", "cet6": "en", "tem8": "en", "ielts": "en", "toefl": "en",
                                        "jlpt": "ja", "putonghua": "zh"}
