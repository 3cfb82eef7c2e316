"""Written after the off-topic threshold was fixed, never used to choose anything: a held-out off-topic check.

Off-topic answers that are not hobby talk, plus on-topic new-graduate answers about campus life (must NOT be flagged).
"""

ANSWERS_D = [
    ("fmcg_regional_sales_manager", "data_driven_decisions", "rsm.data.exp_fmcg", "zh", 1,
     "这个问题我想先说一下我对薪资的期望，我现在的月薪是一万二，希望新工作能有百分之二十的涨幅。另外我住在城东，如果办公室在城西的话通勤时间会比较长，希望公司能考虑一下交通补贴。", True),
    ("fmcg_ecommerce_operator", "customer_experience", "ecom.cx.exp_fmcg", "en", 1,
     "Before I answer, let me tell you about my university. I studied international trade for four years, the campus is very beautiful, with a big lake, and I lived in a dormitory with three roommates. "
     "We had many interesting courses like economics and statistics.", True),
    ("retail_store_manager", "team_coaching", "store.team.exp_retail", "zh", 1,
     "今天天气不太好，早上出门的时候下雨了，路上有点堵车，还好我提前出门了。最近新闻里说今年冬天会特别冷，大家都要注意保暖。", True),
    ("fmcg_marketing_planner", "consumer_insight", "mkt.insight.exp_fmcg", "en", 1,
     "Sorry, could you repeat the question? I was not sure what you meant. Actually, can I ask how many people are in the marketing team and when I would hear back after this interview?", True),
    ("fmcg_regional_sales_manager", "team_leadership", "rsm.team.grad", "zh", 3,
     "大三的时候我是学校街舞社的社长，我们要办一场迎新晚会。我先把二十几个社员分成节目组、宣传组和后勤组，每个组选了一个组长，每周开一次会对进度。"
     "中间有两个节目组的同学因为排练时间吵起来了，我找他们分别聊，最后按课表重新排了时间。晚会那天来了三百多人，是社团人最多的一次。", False),
    ("fmcg_store_promoter", "customer_engagement", "promoter.engage.grad", "en", 3,
     "During my summer job at a bookshop, an older man walked around for a long time without asking anything. I went over and asked who the book was for. "
     "He said it was for his grandson, who was ten and liked space. I showed him two picture books about planets, and he bought one and came back the next week for the other.", False),
]
