"""Skills vocabulary: one canonical id per skill with its English label, Chinese label and synonyms.

Kept as Python data (not YAML) so that it ships inside the wheel without package-data rules.
Synonyms are matched case-insensitively; Latin terms on word boundaries, Chinese terms as substrings.
"""

from __future__ import annotations

# id: (English label, Chinese label, synonyms in either language)
SKILLS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "channel_development": ("channel development", "渠道拓展", (
        "渠道开发", "渠道开拓", "开拓渠道", "拓展渠道", "开发渠道", "线下渠道拓展", "channel expansion",
        "channel building", "channel development", "develop channels", "expand channels", "渠道建设")),
    "channel_management": ("channel management", "渠道管理", (
        "渠道维护", "通路管理", "channel management", "distributor management", "经销商管理", "经销商维护",
        "dealer management")),
    "key_account": ("key account management", "KA 管理", (
        "KA", "key account", "key accounts", "大客户管理", "大客户", "KA渠道", "KA系统", "重点客户")),
    "merchandising": ("merchandising", "陈列", (
        "陈列", "商品陈列", "终端陈列", "陈列管理", "merchandising", "visual merchandising", "shelf display",
        "planogram", "货架陈列")),
    "live_streaming": ("live streaming", "直播", (
        "直播", "直播带货", "带货直播", "live streaming", "livestreaming", "live-streaming", "live commerce")),
    "data_analysis": ("data analysis", "数据分析", (
        "数据分析", "data analysis", "data analytics", "analyzing data", "销售数据分析", "数据挖掘", "analytics")),
    "excel": ("Excel", "Excel", ("excel", "ms excel", "microsoft excel", "vlookup", "数据透视表", "pivot tables",
                                   "pivot table")),
    "ppt": ("PowerPoint", "PPT", ("ppt", "powerpoint", "幻灯片")),
    "sql": ("SQL", "SQL", ("sql", "mysql", "postgresql")),
    "python": ("Python", "Python", ("python",)),
    "negotiation": ("negotiation", "商务谈判", (
        "商务谈判", "谈判", "negotiation", "negotiating", "contract negotiation")),
    "customer_service": ("customer service", "客户服务", (
        "客户服务", "客服", "售后服务", "customer service", "customer support")),
    "team_management": ("team management", "团队管理", (
        "团队管理", "带领团队", "管理团队", "团队建设", "team management", "team leadership", "managed a team",
        "led a team", "people management", "带团队")),
    "promotion": ("in-store promotion", "促销", (
        "促销", "促销活动", "门店促销", "in-store promotion", "promotions", "promotional campaigns",
        "trade promotion", "sales promotion", "promotion execution", "promotional activities", "地推")),
    "retail_execution": ("retail execution", "终端执行", (
        "终端执行", "终端管理", "门店管理", "store management", "retail execution", "store operations",
        "门店运营")),
    "sales_forecasting": ("sales forecasting", "销售预测", (
        "销售预测", "sales forecasting", "demand forecasting", "需求预测")),
    "ecommerce_operations": ("e-commerce operations", "电商运营", (
        "电商运营", "电子商务运营", "店铺运营", "天猫运营", "京东运营", "e-commerce operations",
        "ecommerce operations", "online store operations", "tmall operations")),
    "social_media": ("social media marketing", "新媒体运营", (
        "新媒体运营", "社交媒体", "小红书", "抖音运营", "微信公众号", "social media marketing", "social media",
        "content marketing", "内容营销")),
    "brand_marketing": ("brand marketing", "品牌营销", (
        "品牌营销", "品牌推广", "品牌管理", "brand marketing", "brand management", "brand building")),
    "market_research": ("market research", "市场调研", (
        "市场调研", "市场调查", "market research", "consumer research", "消费者洞察", "consumer insights")),
    "crm": ("CRM", "客户关系管理", ("crm", "客户关系管理", "salesforce", "customer relationship management")),
    "sap": ("SAP", "SAP", ("sap",)),
    "distribution": ("distribution management", "分销管理", (
        "分销", "分销管理", "铺货", "distribution", "distribution management", "route to market", "rtm")),
    "budget_management": ("budget management", "预算管理", (
        "预算管理", "费用管理", "budget management", "budgeting", "p&l", "损益管理")),
    "training": ("training and coaching", "培训辅导", (
        "培训", "培训辅导", "员工培训", "coaching", "training and coaching", "trained new staff",
        "staff training")),
    "project_management": ("project management", "项目管理", (
        "项目管理", "project management", "managed projects", "pmp")),
    "communication": ("communication", "沟通能力", (
        "沟通能力", "沟通协调", "communication skills", "interpersonal skills", "表达能力")),
    "category_management": ("category management", "品类管理", (
        "品类管理", "category management", "品类规划")),
    "trade_marketing": ("trade marketing", "通路营销", (
        "trade marketing", "通路营销", "渠道营销", "shopper marketing")),
    "new_product_launch": ("new product launch", "新品上市", (
        "新品上市", "新品推广", "新品铺货", "product launch", "new product launch", "new product launches", "新品导入")),
    "supply_chain": ("supply chain", "供应链", (
        "供应链", "供应链管理", "supply chain", "logistics", "物流", "库存管理", "inventory management")),
    "community_group_buying": ("community group buying", "社区团购", (
        "社区团购", "community group buying", "group buying", "私域运营", "private traffic")),
    "photoshop": ("Photoshop", "Photoshop", ("photoshop", "ps修图")),
    "store_opening": ("new store opening", "新店开拓", (
        "新店开拓", "开店", "新店开业", "门店开发", "store opening", "new store opening", "opened new stores")),
}

# Short Latin codes that are only skills in upper case ("KA", "SAP", "PPT"), never the word "sap".
CASE_SENSITIVE = {"KA", "SAP", "PPT", "RTM"}
