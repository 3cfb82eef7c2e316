"""Hand-written interview answers (spoken style) with expected 1-5 ratings: part A (sales and promoter jobs)."""

# (template key, competency key, question id, language, expected rating, answer, off_topic)
ANSWERS_A = [
    # --- regional sales manager / channel development ---
    ("fmcg_regional_sales_manager", "channel_development", "rsm.channel.exp_fmcg", "zh", 5,
     "嗯，我讲一下前年在徐州的经历。当时我们品牌在徐州只有一个老经销商，覆盖的网点大概四百家，铺货率不到百分之四十，主要问题是经销商只做批发市场，不做现代渠道。"
     "我的任务是半年内把铺货率提到百分之七十。我先花了两周跑了六十多家终端，又拿了竞品的分销数据，确定了两个空白：社区生鲜店和连锁便利店。"
     "然后我按资金、车辆和终端团队这三个标准筛了五家候选经销商，最后签了一家做便利店和生鲜渠道的新经销商，跟老经销商划分了渠道，避免窜货。"
     "我还设计了一个阶梯返利，按动销而不是进货给返利，每周跟他们的业务员一起拜访。中间老经销商不满意，说我们抢他的客户，我就拿着数据跟他谈，把批发渠道的独家保留给他，他最后接受了。"
     "结果六个月铺货率做到了百分之七十三，网点从四百家增加到九百多家，销量同比增长了百分之五十八。后来我把这套选经销商和划分渠道的方法写成了一页纸的流程，区域里另外三个城市也照着做了。", False),
    ("fmcg_regional_sales_manager", "channel_development", "rsm.channel.exp_fmcg", "zh", 4,
     "我在上一家饮料公司负责苏南三个城市。二零二二年我们发现社区团购起来了，但是我们完全没有进去。我先分析了团购平台上同类产品的销量，然后找了两个做团购供货的经销商谈合作，"
     "给他们设计了专门的团购装规格和价格，避免冲击商超的价格体系。我每周跟进他们的上架和动销数据。三个月下来团购渠道每月做到了八十万左右的销售额，占我们区域销量的百分之十二。", False),
    ("fmcg_regional_sales_manager", "channel_development", "rsm.channel.exp_fmcg", "zh", 3,
     "我之前在一个乳制品公司做城市经理，有一次公司让我们开发学校周边的小店。我就带着业务员一家一家去拜访，跟老板讲我们的产品和陈列奖励，也定了每周拜访两次。"
     "做了一段时间之后，开了不少新店，销量也有一些增长，领导还挺满意的。我觉得开发渠道最重要的就是勤跑，还有跟老板把关系搞好。", False),
    ("fmcg_regional_sales_manager", "channel_development", "rsm.channel.exp_fmcg", "zh", 2,
     "嗯，渠道开发这个我做过，就是公司当时有一个新的经销商要进来，然后我们区域经理让我去配合他们，帮忙送一些货，拜访一些客户，那个，做了大概几个月吧。"
     "具体结果我不太清楚，因为后来我就调到别的区域了。我觉得经销商还是挺重要的。", False),
    ("fmcg_regional_sales_manager", "channel_development", "rsm.channel.exp_fmcg", "zh", 1,
     "渠道开发的话，我觉得就是要多跑客户，跟客户搞好关系，态度要好，人家自然就愿意跟你合作。做销售嘛，最重要的是勤快和真诚，我这个人性格比较外向，跟谁都聊得来。", False),
    ("fmcg_regional_sales_manager", "channel_development", "rsm.channel.exp_fmcg", "zh", 1,
     "我平时特别喜欢旅游，去年去了云南，大理的风景真的很好，洱海边骑车特别舒服，吃的东西也很有特色，像过桥米线、鲜花饼都很好吃。我觉得旅游能让人放松，也能开阔眼界，以后有机会还想去西藏看看。", True),
    ("fmcg_regional_sales_manager", "channel_development", "rsm.channel.exp_fmcg", "en", 4,
     "So at my last company, a snacks brand, I covered the north-west of Guangdong. Our numeric distribution in convenience chains was only about thirty percent, because our one distributor only served wholesale markets. "
     "I pulled the chain store lists and found two regional convenience chains with about six hundred stores where we were not listed. I proposed a dedicated sub-distributor for those chains, negotiated a listing with a three-month display incentive, "
     "and I set up a weekly check of sell-out by store. Within four months we were in five hundred and forty of those stores and our volume in the region went up by about twenty-five percent.", False),
    ("fmcg_regional_sales_manager", "channel_development", "rsm.channel.exp_fmcg", "en", 2,
     "Um, yeah, so channel development, I was part of the team when we, uh, brought in a new distributor. My manager did most of the negotiation and I, you know, helped with some visits and some paperwork. "
     "I think it went okay in the end, but I moved to another role, so I'm not really sure about the numbers.", False),
    ("fmcg_regional_sales_manager", "channel_development", "rsm.channel.exp_fmcg", "en", 5,
     "Sure. In 2021 I took over Hunan for a dairy brand. Distribution in lower-tier towns was under thirty-five percent and our two distributors were fighting over the same outlets, with a lot of cross-territory selling. "
     "My goal was to reach sixty percent distribution in twelve months without a price war. First I mapped every township by outlet count and our sell-out, then I split the map so each distributor had exclusive towns, and I wrote that into their contracts. "
     "I brought in three new sub-distributors for the towns nobody covered, chosen on warehouse, vans and their own sales staff, and I changed the rebate so it was paid on sell-out to stores rather than on orders from us. "
     "One of the old distributors threatened to drop our line, so I sat down with him, showed him his own numbers, and we agreed a growth plan for his area. "
     "After a year distribution was sixty-four percent, cross-territory cases went from about ten a month to one or two, and volume grew forty-one percent. The territory-map and rebate method became the standard for the whole central region.", False),

    # --- regional sales manager / key account management ---
    ("fmcg_regional_sales_manager", "key_account_management", "rsm.ka.exp_fmcg", "en", 5,
     "Last year I negotiated the annual contract with a regional hypermarket chain of forty stores. They wanted to raise our listing and promotion fees by twenty percent, and our brand was already spending more there than it earned. "
     "Before the meeting I built a profit-and-loss for the account, store by store, and I looked at their category data, where our brand was growing faster than the category. "
     "I prepared three packages: we accept a smaller fee increase if they give us end-of-aisle displays in the twenty best stores and two extra promotion slots, or we keep fees flat and drop our slow SKUs. "
     "The buyer threatened to delist two of our SKUs. I did not argue, I showed him that those SKUs had the highest margin per shelf metre in his category, and we agreed to keep them with better facing. "
     "We signed with a seven percent fee increase instead of twenty, got the end-of-aisle displays, and sales in that account grew twenty-two percent in the year while our spend rate fell from eighteen to fifteen percent. "
     "What I took from it: always walk in with the customer's numbers, not only mine, and decide my walk-away point before the meeting.", False),
    ("fmcg_regional_sales_manager", "key_account_management", "rsm.ka.exp_fmcg", "en", 3,
     "I handled a supermarket chain with about fifteen stores. For the annual contract I looked at what we sold there last year and what promotions worked, and I went in asking for more promotion slots. "
     "They wanted a higher fee, so in the end we agreed to pay a bit more and they gave us two extra promotion periods. The contract was signed and the relationship stayed good.", False),
    ("fmcg_regional_sales_manager", "key_account_management", "rsm.ka.exp_fmcg", "en", 1,
     "With big customers I think the most important thing is to keep them happy. If they ask for something, we should try to give it to them, because they are the big customers. I'm a very friendly person and customers usually like me.", False),
    ("fmcg_regional_sales_manager", "key_account_management", "rsm.ka.exp_fmcg", "en", 1,
     "Well, my favourite movie is probably Interstellar. I have watched it maybe five times. The music by Hans Zimmer is amazing and the story about the father and daughter really touches me. I also like science fiction books in general.", True),
    ("fmcg_regional_sales_manager", "key_account_management", "rsm.ka.exp_fmcg", "zh", 4,
     "我负责过一个本地连锁超市系统，三十多家店。那年他们要求我们进场费涨百分之十五。我提前整理了我们在这个系统的销量、毛利贡献和品类排名，发现我们的单品贡献在品类里排前三。"
     "谈判的时候我提出，费用可以涨百分之五，但要换十家重点门店的端架陈列和中秋的促销档期。对方一开始不同意，后来看了数据接受了。最后全年这个系统的销售额增长了百分之十八，费用率反而降了两个点。", False),
    ("fmcg_regional_sales_manager", "key_account_management", "rsm.ka.exp_fmcg", "zh", 2,
     "KA这块我接触过，就是跟超市的采购谈合同，一般都是公司定好政策，我去跟他们沟通，把公司的要求告诉他们，他们同意就签。有时候他们要加费用，我就回来跟领导汇报，领导决定。", False),

    # --- store promoter / product selling ---
    ("fmcg_store_promoter", "product_selling", "promoter.sell.exp_fmcg", "zh", 5,
     "去年国庆我在永辉超市做一款新出的燕麦奶的试饮。刚开始两天一天只卖二十几盒，我发现大部分顾客都是路过看一眼就走。"
     "我就调整了做法：第一，把试饮台从货架里面挪到了主通道口；第二，我不再说“新品试一下”，而是先问顾客“平时喝牛奶会不会肚子不舒服”，有这个问题的顾客一下子就停下来了，我再讲我们不含乳糖、配料简单；"
     "第三，有顾客说比牛奶贵，我就给他算每杯的价格，再推荐买二送一的组合装。后面五天平均每天卖到九十多盒，组合装占了一半以上。"
     "这个先问问题再讲卖点的方法，督导后来让我在培训会上分享，别的门店的导购也在用。", False),
    ("fmcg_store_promoter", "product_selling", "promoter.sell.exp_fmcg", "zh", 4,
     "我在大润发做过洗衣液的促销。有个阿姨一开始嫌贵，说旁边那个牌子便宜十块。我就问她家里有没有小孩，她说有个孙子，我就给她讲我们这款是婴儿衣物也能用的，低泡好漂洗，还现场做了一个对比。"
     "她最后买了一大瓶，还加了一袋补充装。那一周我们做活动，我一个人卖了三百多瓶，是那个区域导购里最多的。", False),
    ("fmcg_store_promoter", "product_selling", "promoter.sell.exp_fmcg", "zh", 3,
     "我做过一段时间饮料的试饮。一般就是顾客过来，我就请他尝一下，然后跟他介绍我们这个是零糖的，口感也好。有一个年轻人本来不想买，尝了之后觉得还不错，就买了一箱。我觉得让顾客亲自尝一下很重要。", False),
    ("fmcg_store_promoter", "product_selling", "promoter.sell.exp_fmcg", "zh", 2,
     "嗯，这个我做过，就是在超市里面推销，那个，主要就是跟顾客说我们的产品质量好，现在有活动，买就送东西。然后有的人会买，有的人不买。卖得多少我记不太清了，反正每天都挺忙的。", False),
    ("fmcg_store_promoter", "product_selling", "promoter.sell.exp_fmcg", "zh", 1,
     "我觉得卖东西就是要热情，笑得好看一点，顾客就会买了。我这个人比较开朗，也不怕累。", False),
    ("fmcg_store_promoter", "product_selling", "promoter.sell.exp_fmcg", "zh", 1,
     "我老家是河南的，家里有爸爸妈妈还有一个弟弟，弟弟现在在上高中，成绩还不错。我平时周末喜欢在家做饭，会做红烧肉和饺子，有时候也会跟朋友一起去唱歌。", True),
    ("fmcg_store_promoter", "product_selling", "promoter.sell.exp_fmcg", "en", 3,
     "I did a tasting for a new cracker brand in a supermarket. I offered samples and told people it was baked, not fried, and lower in salt. One mum with two kids tried it and bought three packs for school lunches. "
     "Giving people a taste really helps them decide.", False),
    ("fmcg_store_promoter", "product_selling", "promoter.sell.exp_fmcg", "en", 1,
     "Honestly I think selling is about being friendly and smiling. If you are nice, people will buy. I'm a people person.", False),

    # --- store promoter / peak resilience ---
    ("fmcg_store_promoter", "peak_resilience", "promoter.peak.exp_fmcg", "en", 5,
     "During Chinese New Year last year I was the only promoter for a nut gift-box brand in a big hypermarket, and on the last weekend before the holiday the traffic at our end-cap was crazy, sometimes ten people waiting. "
     "The day before, I had asked the store for extra stock on the floor and pre-packed forty gift bags, so I would not have to run to the warehouse. When it got busy I greeted everyone first, told them roughly how long the wait was, "
     "and I served the people who already knew what they wanted quickly while the undecided ones tasted the samples. Then one customer got angry because the price tag showed the old promotion price. "
     "I apologised, called the floor supervisor to confirm, honoured the tag price for him and fixed the tag within ten minutes. That weekend I sold about four hundred boxes, thirty percent more than my target, with no complaint to the service desk. "
     "Afterwards I wrote a short peak checklist, stock, bags, price tags, backup change, and the two new promoters used it for the Lantern Festival.", False),
    ("fmcg_store_promoter", "peak_resilience", "promoter.peak.exp_fmcg", "en", 4,
     "At the May Day promotion our yoghurt stand was very busy. I prepared two extra cases of stock in the morning and asked a colleague from the next stand to cover my breaks. "
     "When five or six people came at once, I first said hello to all of them and gave samples to those waiting, then served one by one. A shopper complained the fridge was empty, so I restocked it right away and gave her the promotion price. "
     "We sold about two hundred and sixty cups that day, the best day of the month.", False),
    ("fmcg_store_promoter", "peak_resilience", "promoter.peak.exp_fmcg", "en", 2,
     "Yes, holidays are always very busy. I just try to work faster and, um, serve as many people as I can. Sometimes people get impatient and leave, which is a pity, but you can't help everybody.", False),
    ("fmcg_store_promoter", "peak_resilience", "promoter.peak.exp_fmcg", "en", 1,
     "I think I would wait until it is less busy and then talk to the customers, because when it is crowded they don't listen anyway.", False),
    ("fmcg_store_promoter", "peak_resilience", "promoter.peak.exp_fmcg", "en", 1,
     "I really like cooking, especially Italian food. On weekends I make fresh pasta at home and sometimes invite friends over. My favourite is a simple tomato and basil sauce, it is easy but delicious.", True),
    ("fmcg_store_promoter", "peak_resilience", "promoter.peak.exp_fmcg", "zh", 3,
     "双十一那几天我们专柜人特别多，我就先让顾客排好队，一个一个来，先把要结账的顾客处理完，再给想了解产品的顾客介绍。虽然很累，但是那几天基本没有出什么问题，销量也比平时高不少。", False),
    ("fmcg_store_promoter", "peak_resilience", "promoter.peak.exp_fmcg", "zh", 5,
     "去年中秋前一周，我在沃尔玛做月饼礼盒，周末客流特别大，我们柜台前经常同时有七八个顾客。前一天晚上我就跟仓库多要了一百盒放在柜台下面，把三种礼盒的价格和口味做成一张卡片立在台面上，顾客排队的时候自己先看。"
     "高峰的时候，我先跟每个过来的顾客打招呼，告诉他们大概等几分钟，已经选好的顾客我先快速结单，还在犹豫的请他们先试吃。中间有个顾客因为发票开错了很着急，我请隔壁柜台的同事帮我看一下柜台，五分钟之内带他去服务台重新开好。"
     "那个周末我们柜台卖了五百二十盒，比目标多了百分之二十五，没有一个投诉。结束后我把备货、价格卡、找零这些写成一个高峰准备清单，国庆的时候新来的两个导购就照着清单做，也很顺利。", False),
]
