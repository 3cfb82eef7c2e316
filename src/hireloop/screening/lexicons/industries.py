"""Industries: company names and terms that place a work entry in an industry (FMCG first)."""

from __future__ import annotations

# industry id -> (companies, terms). Companies count on the employer; terms count anywhere in the entry.
INDUSTRIES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "fmcg": (
        (
            "宝洁", "P&G", "Procter & Gamble", "Procter and Gamble", "联合利华", "Unilever", "可口可乐", "Coca-Cola",
            "Coca Cola", "农夫山泉", "Nongfu Spring", "伊利", "Yili", "蒙牛", "Mengniu", "康师傅", "Master Kong",
            "Tingyi", "统一企业", "统一集团", "Uni-President", "雀巢", "Nestle", "Nestlé", "百事", "PepsiCo", "Pepsi",
            "玛氏", "Mars", "欧莱雅", "L'Oreal", "L'Oréal", "Loreal", "亿滋", "Mondelez", "达能", "Danone", "娃哈哈",
            "Wahaha", "金佰利", "Kimberly-Clark", "高露洁", "Colgate", "强生消费品", "Johnson & Johnson Consumer",
            "汉高", "Henkel", "利洁时", "Reckitt", "百威", "AB InBev", "Budweiser", "华润雪花", "青岛啤酒",
            "Tsingtao", "嘉士伯", "Carlsberg", "喜力", "Heineken", "旺旺", "Want Want", "好丽友", "Orion", "徐福记",
            "立白", "蓝月亮", "Blue Moon", "上海家化", "Jahwa", "元气森林", "Genki Forest", "三只松鼠", "良品铺子",
            "洽洽", "海天", "Haitian", "李锦记", "Lee Kum Kee", "光明乳业", "Bright Dairy", "君乐宝", "飞鹤",
            "Feihe", "卡夫亨氏", "Kraft Heinz", "家乐氏", "Kellogg", "通用磨坊", "General Mills", "费列罗",
            "Ferrero", "红牛", "Red Bull", "东鹏", "今麦郎", "白象", "双汇", "Shuanghui", "加多宝", "王老吉",
            "香飘飘", "维达", "Vinda", "心相印", "Hengan", "恒安", "资生堂", "Shiseido", "雅诗兰黛", "Estee Lauder",
            "拜尔斯道夫", "Beiersdorf", "妮维雅", "Nivea", "益海嘉里", "金龙鱼", "Wilmar", "中粮", "COFCO",
        ),
        (
            "快消", "快速消费品", "FMCG", "fast-moving consumer goods", "fast moving consumer goods",
            "consumer goods", "consumer packaged goods", "CPG", "日化", "饮料", "食品饮料", "乳制品", "乳品", "零食",
            "休闲食品", "方便面", "食品有限公司", "食品公司", "食品集团", "食品股份", "饮料有限公司", "饮品", "乳业", "日化有限公司", "啤酒", "个护", "个人护理", "personal care", "beverage", "beverages", "snacks",
            "dairy", "household care", "home care", "packaged food",
        ),
    ),
    "retail": (
        (
            "沃尔玛", "Walmart", "家乐福", "Carrefour", "永辉", "Yonghui", "大润发", "RT-Mart", "华润万家",
            "物美", "Wumart", "盒马", "Hema", "7-Eleven", "罗森", "Lawson", "全家", "FamilyMart", "屈臣氏",
            "Watsons", "苏宁", "Suning", "国美", "Gome", "宜家", "IKEA", "优衣库", "Uniqlo", "麦德龙", "Metro",
            "山姆", "Sam's Club", "Costco", "联华", "Lianhua",
        ),
        ("零售", "连锁超市", "大卖场", "便利店", "retail", "supermarket", "hypermarket", "convenience store"),
    ),
    "ecommerce": (
        ("阿里巴巴", "Alibaba", "天猫", "Tmall", "淘宝", "Taobao", "京东", "JD.com", "拼多多", "Pinduoduo",
         "抖音电商", "Douyin", "唯品会", "Vipshop", "Amazon", "亚马逊"),
        ("电商", "电子商务", "e-commerce", "ecommerce", "online retail", "跨境电商"),
    ),
    "internet": (
        ("腾讯", "Tencent", "百度", "Baidu", "字节跳动", "ByteDance", "美团", "Meituan", "网易", "NetEase",
         "Google", "Microsoft", "小米", "Xiaomi"),
        ("互联网", "internet company", "SaaS", "软件开发", "software development"),
    ),
    "pharma": (
        ("辉瑞", "Pfizer", "阿斯利康", "AstraZeneca", "罗氏", "Roche", "诺华", "Novartis", "拜耳", "Bayer",
         "恒瑞", "Hengrui", "国药", "Sinopharm", "云南白药"),
        ("医药", "制药", "医疗器械", "pharmaceutical", "pharma", "medical devices"),
    ),
    "automotive": (
        ("上汽", "SAIC", "一汽", "FAW", "比亚迪", "BYD", "吉利", "Geely", "大众汽车", "Volkswagen", "丰田",
         "Toyota", "特斯拉", "Tesla"),
        ("汽车", "4S店", "automotive", "car dealership"),
    ),
    "finance": (
        ("工商银行", "ICBC", "建设银行", "招商银行", "中国平安", "Ping An", "HSBC", "汇丰"),
        ("银行", "保险", "证券", "banking", "insurance", "securities", "金融"),
    ),
}

INDUSTRY_LABELS: dict[str, tuple[str, str]] = {
    "fmcg": ("FMCG", "快消"),
    "retail": ("retail", "零售"),
    "ecommerce": ("e-commerce", "电商"),
    "internet": ("internet", "互联网"),
    "pharma": ("pharmaceuticals", "医药"),
    "automotive": ("automotive", "汽车"),
    "finance": ("finance", "金融"),
}
