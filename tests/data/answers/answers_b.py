"""Hand-written interview answers (spoken style) with expected 1-5 ratings: part B (e-commerce, marketing, plant, store)."""

ANSWERS_B = [
    # --- e-commerce operator / campaign execution ---
    ("fmcg_ecommerce_operator", "campaign_execution", "ecom.campaign.exp_fmcg", "zh", 5,
     "我讲去年双十一。我负责一个零食品牌的天猫旗舰店，目标是GMV一千二百万。九月初我就做了倒排时间表，把报名、备货、页面、主播排期和客服培训分到每个人，每周开一次进度会。"
     "备货上我按去年的数据和今年预售加购量做了三档预测，跟仓库约好了峰值每小时的发货能力。十一号零点开场二十分钟，爆款坚果礼盒的库存同步出了问题，出现了超卖的风险。"
     "我马上让技术把这个链接下架五分钟，核对了真实库存，同时让客服准备好统一话术，给已经下单但没货的顾客优先补发加赠券。最后超卖控制在三十几单，全部在四十八小时内补发。"
     "整个大促GMV做到一千三百五十万，完成率百分之一百一十二，退款率比去年低了一个点。结束后我组织了复盘，写了一份大促作战手册，里面有库存同步检查和应急预案，今年六一八就按这个做，没有再出现超卖。", False),
    ("fmcg_ecommerce_operator", "campaign_execution", "ecom.campaign.exp_fmcg", "zh", 3,
     "六一八的时候我负责活动报名和页面上线。我提前两周把活动报名做完，然后跟设计沟通主图和详情页，按时在开场前一天上线了。活动当天流量比较大，我一直在盯数据，最后店铺完成了目标。", False),
    ("fmcg_ecommerce_operator", "campaign_execution", "ecom.campaign.exp_fmcg", "zh", 2,
     "双十一我参与过，那几天真的特别忙，每天都加班到很晚，大家都很辛苦，那个，我主要就是帮忙做一些杂事，哪里需要就去哪里，最后大家一起把活动做完了。", False),
    ("fmcg_ecommerce_operator", "campaign_execution", "ecom.campaign.exp_fmcg", "zh", 1,
     "我最近在学吉他，每天晚上练一个小时，现在已经能弹几首简单的歌了，比如《成都》和《平凡之路》。我觉得音乐能让我放松，周末还会去琴行跟老师上课。", True),
    ("fmcg_ecommerce_operator", "campaign_execution", "ecom.campaign.exp_fmcg", "en", 4,
     "For 618 last year I ran the JD store of a personal-care brand. I planned the campaign six weeks ahead, with a timeline for registration, stock, creative and customer service. "
     "I expected our hero shampoo to sell three times the normal volume, so I moved stock to two regional warehouses in advance. On the first night the customer-service queue exploded, over three hundred people waiting, "
     "so I set up quick-reply templates for the five most common questions and borrowed two people from the Tmall team. We finished at one hundred and eight percent of the GMV target and average response time stayed under forty seconds.", False),
    ("fmcg_ecommerce_operator", "campaign_execution", "ecom.campaign.exp_fmcg", "en", 1,
     "I haven't really done big campaigns. I think you just need to work hard during those days and not panic.", False),

    # --- e-commerce operator / data analysis ---
    ("fmcg_ecommerce_operator", "data_analysis", "ecom.data.exp_fmcg", "en", 5,
     "In March our Tmall store's conversion rate dropped from about four percent to two point eight in two weeks, while traffic was flat. I broke conversion down by traffic source and by product first. "
     "The drop was almost all from search traffic on our best-selling instant noodle bundle. Then I compared the product page with the top three competitors and saw that a competitor had started a coupon that made them eight yuan cheaper per bundle, "
     "and our main image still showed the old price. I ran an A/B test for a week, one version with a new main image and a five-yuan coupon, one with only the new image. The coupon version recovered conversion to three point nine percent and the image-only version to three point two. "
     "We kept the coupon on that bundle and gross margin stayed within budget because volume grew thirty percent. After that I set up a daily dashboard that flags any product whose conversion moves more than fifteen percent, "
     "and I learned not to react to one day of data, because weekends and paydays move these numbers a lot.", False),
    ("fmcg_ecommerce_operator", "data_analysis", "ecom.data.exp_fmcg", "en", 3,
     "Once our conversion rate went down for a few days. I looked at the data and saw that a competitor was running a promotion, so we added a coupon as well. After that conversion went back up, more or less to where it was.", False),
    ("fmcg_ecommerce_operator", "data_analysis", "ecom.data.exp_fmcg", "en", 2,
     "I look at the numbers every day, like GMV, traffic, conversion rate, average order value. Data is really important in e-commerce. When something goes down, we discuss it as a team and try to improve it.", False),
    ("fmcg_ecommerce_operator", "data_analysis", "ecom.data.exp_fmcg", "en", 1,
     "My hometown is a small city by the sea. In summer I love swimming and going to the beach with my family, and we often eat seafood at night markets. It is a very relaxing place and I go back every year.", True),
    ("fmcg_ecommerce_operator", "data_analysis", "ecom.data.exp_fmcg", "zh", 4,
     "有一次我们抖音店一款洗衣凝珠的转化率从百分之三掉到百分之一点五。我先把流量按来源拆开看，发现问题主要出在千川投放带来的流量，自然流量的转化没有变。"
     "再看投放人群，发现系统扩量之后大量投给了学生人群，跟我们家庭主妇的目标人群不符。我把定向收回来，重新做了人群包，一周后转化率回到了百分之二点八，投放ROI从一点二提到了二点一。", False),
    ("fmcg_ecommerce_operator", "data_analysis", "ecom.data.exp_fmcg", "zh", 1,
     "数据分析的话我不是特别懂，之前都是领导看报表，我就按领导说的去做。", False),

    # --- marketing planner / creativity ---
    ("fmcg_marketing_planner", "creativity", "mkt.creative.exp_fmcg", "zh", 5,
     "我最有成就感的是去年给一款无糖茶做的“加班续命”活动。当时预算只有三十万，要在上海的写字楼人群里打出声量。我们做访谈时发现，白领下午三点最困，但他们不想喝含糖饮料，怕胖。"
     "所以我提出了一个创意：下午三点在二十栋写字楼的电梯间做“三点钟续命站”，扫码就能领一瓶冰茶，同时在小红书发起“我的三点钟”打卡话题。为了控制成本，我们跟写字楼物业置换了电梯广告位，只花了物料和产品的钱。"
     "我当时有三个备选方案，选这个是因为它跟“无糖、提神”的卖点最贴合，而且能直接带来试饮。活动两周话题阅读量一千二百万，试饮四万多瓶，活动写字楼周边便利店的销量增长了百分之三十五。"
     "后来这个形式被复制到了北京和深圳，我也总结了一套先用访谈找场景、再用小规模测试筛创意的方法。", False),
    ("fmcg_marketing_planner", "creativity", "mkt.creative.exp_fmcg", "zh", 3,
     "我之前给一款酸奶策划过一个校园活动，叫“早餐打卡”，学生连续七天在食堂买酸奶拍照打卡就能换周边。因为我们的目标人群就是大学生，他们早餐经常随便应付。活动在三个学校做了，参与的人挺多的，反响还不错。", False),
    ("fmcg_marketing_planner", "creativity", "mkt.creative.exp_fmcg", "zh", 1,
     "创意的话，我觉得可以做打折或者抽奖，大家都喜欢便宜的东西，这样销量肯定会上去的。", False),
    ("fmcg_marketing_planner", "creativity", "mkt.creative.exp_fmcg", "zh", 1,
     "我大学的专业是英语，毕业论文写的是莎士比亚的十四行诗，我特别喜欢英国文学，也看了很多原版小说。读书是我最大的爱好，每年大概能读三十本书。", True),
    ("fmcg_marketing_planner", "creativity", "mkt.creative.exp_fmcg", "en", 4,
     "For a new sparkling water launch we had a small budget, about two hundred thousand yuan. From comments online we saw that young people used sparkling water as a mixer at home parties. "
     "So instead of a normal launch ad, we made a series of short videos with three home bartenders on Douyin showing simple zero-alcohol mocktails, and we put a QR code on the bottle neck for the recipes. "
     "I planned the schedule and the budget split, seventy percent on creators and thirty percent on boosting the best video. We got around eight million views, the recipe page had ninety thousand visits, and launch-month sales were twenty percent above plan.", False),
    ("fmcg_marketing_planner", "creativity", "mkt.creative.exp_fmcg", "en", 2,
     "I have a lot of ideas, I think I'm a very creative person. For example I suggested we could do a campaign with a famous celebrity, or a flash mob in a shopping mall. My manager said the budget was too small, so we didn't do it in the end.", False),

    # --- production team leader / safety and quality ---
    ("mfg_production_team_leader", "safety_quality", "mfg.safety.exp_mfg", "zh", 5,
     "我在一家饮料厂做灌装线班组长。去年夏天旺季，有一天夜班产量还差两千箱，这时候我巡线发现封盖机的扭矩检测数据在往下漂，抽检了二十瓶，有三瓶封口扭矩不合格。"
     "当时车间主任打电话催产量，但我还是决定停线，把前两个小时的产品全部隔离，一共一千二百箱，等质量部复检。然后我带着机修一起查，用五个为什么一步步找，最后发现是封盖头的一个弹簧磨损了，而且点检表里根本没有这一项。"
     "换了零件以后恢复生产，那批隔离的产品复检挑出了六十多箱不合格，避免了流到市场。之后我把封盖头弹簧加进了每班点检表，又在班前会上用这个案例讲了五分钟。"
     "后面半年我们线的封口不良率从千分之三降到了千分之零点五，也没有再发生类似的问题。", False),
    ("mfg_production_team_leader", "safety_quality", "mfg.safety.exp_mfg", "zh", 4,
     "有一次我在包装线上发现一个新员工为了快，把光电安全门用胶带贴住了，这样机器开着也能伸手进去。我马上停机，把胶带撕掉，跟他讲了这样做的后果。"
     "然后我检查了整条线，发现另外两个工位也有类似的问题。我把这个情况报给了安全员，我们一起在所有安全门上加装了防拆的锁扣，并且在每周的安全检查里加了这一项。之后三个月我们班组零安全事故。", False),
    ("mfg_production_team_leader", "safety_quality", "mfg.safety.exp_mfg", "zh", 2,
     "安全和质量肯定是很重要的，我们厂每天都会开班前会，讲安全注意事项，我都是按照要求来做的，没有出过什么大问题。质量方面有质检员管，我们按标准操作就行。", False),
    ("mfg_production_team_leader", "safety_quality", "mfg.safety.exp_mfg", "zh", 1,
     "我比较喜欢运动，每周会打两次篮球，也喜欢看NBA，最喜欢的球员是库里。打球不但能锻炼身体，还能认识很多朋友。", True),
    ("mfg_production_team_leader", "safety_quality", "mfg.safety.exp_mfg", "en", 3,
     "On our packing line I noticed that the metal detector was rejecting almost nothing for a whole week, which seemed strange. I reported it to quality and we tested it with the test pieces, and it turned out it was not sensitive enough. "
     "They recalibrated it the same day and we rechecked that day's output.", False),
    ("mfg_production_team_leader", "safety_quality", "mfg.safety.exp_mfg", "en", 1,
     "When we are behind on output, sometimes you have to skip a few checks to catch up, that's normal in a factory. The quality department will catch any problem anyway.", False),

    # --- store manager / customer service ---
    ("retail_store_manager", "customer_service", "store.service.exp_retail", "en", 5,
     "A customer came into my supermarket very angry, shouting at the till because she had bought a cake for her son's birthday and it was past its date. Other customers were watching. "
     "I took her to a quiet corner, listened without interrupting, and apologised clearly. I gave her a full refund, replaced the cake with a fresh one from the bakery, and because the party was that afternoon, I had a colleague deliver it to her home. "
     "Then I looked into why it happened. The expiry check on the chilled bakery shelf was done only in the morning, and the afternoon delivery was put in front of older stock. "
     "I changed the routine to a second check at three o'clock and trained the team on first-in, first-out in a ten-minute huddle. In the next quarter expired-product complaints went from five to zero, and that customer now shops with us every week and even wrote a good review.", False),
    ("retail_store_manager", "customer_service", "store.service.exp_retail", "en", 3,
     "A customer once complained that a promotion price was not applied at the till. He was quite upset. I listened to him, checked the promotion in the system, and saw that the price had not been updated. "
     "I refunded the difference and apologised, and he accepted it and left satisfied.", False),
    ("retail_store_manager", "customer_service", "store.service.exp_retail", "en", 1,
     "If a customer complains, I usually explain our company policy. Some customers are just difficult and there is not much you can do about them, so I let the service desk deal with it.", False),
    ("retail_store_manager", "customer_service", "store.service.exp_retail", "en", 1,
     "I have two cats at home, one orange and one black. The orange one is very lazy and sleeps all day, and the black one likes to play with paper bags. Taking care of them is a big part of my life outside work.", True),
    ("retail_store_manager", "customer_service", "store.service.exp_retail", "zh", 4,
     "有一次一位顾客在我们店买的鸡蛋回家发现碎了好几个，第二天拿着过来很生气。我先请他坐下，给他倒了杯水，听他讲完，然后马上给他换了一盒新的，还送了一张优惠券。"
     "后来我去查原因，发现是收银员装袋的时候把鸡蛋放在了最底下。我就在收银台贴了装袋顺序提示，又给收银员做了培训。之后一个月这类投诉没有再出现。", False),
    ("retail_store_manager", "customer_service", "store.service.exp_retail", "zh", 2,
     "顾客投诉的话我一般就是先道歉，然后按公司规定给他退换货，顾客一般也就接受了。遇到特别难缠的顾客，我就交给区域经理处理。", False),
    ("retail_store_manager", "customer_service", "store.service.exp_retail", "en", 2,
     "Complaints happen a lot in retail. Usually I say sorry and follow the return policy, and most people calm down. If it gets really bad I call my area manager, um, because they have more authority to decide.", False),
    ("fmcg_ecommerce_operator", "data_analysis", "ecom.data.exp_fmcg", "zh", 3,
     "有一段时间我们店铺的访客数下降了，我看了一下生意参谋，发现主要是搜索流量少了，可能是关键词排名掉了。我就优化了一下标题和主图，又报了几个平台活动，后面流量慢慢回来了一些。", False),
]
