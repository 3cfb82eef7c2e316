"""Answers written against the length shortcut: long but vague (rated 2) and short but concrete (rated 4)."""

ANSWERS_C = [
    ("fmcg_regional_sales_manager", "team_leadership", "rsm.team.exp_fmcg", "zh", 2,
     "带团队的话，我觉得最重要的就是要关心下属，要跟他们多沟通，让他们感觉到被重视。我们团队的氛围一直都是比较好的，大家有什么问题都会直接跟我说，我也会尽量帮他们解决。"
     "业绩不好的同事，我一般会找他聊一聊，了解一下他的想法，然后鼓励他，给他一些建议，让他不要灰心。因为做销售本身压力就比较大，所以作为管理者，我觉得一定要多给大家一些正能量。"
     "另外就是要以身作则，自己先把事情做好，大家自然就会跟着你走。我一直是这样要求自己的，也是这样带团队的，总体来说效果还是可以的，领导对我们团队也比较认可。", False),
    ("fmcg_regional_sales_manager", "team_leadership", "rsm.team.exp_fmcg", "zh", 4,
     "去年我团队有个业务代表，连续三个月达成率不到百分之六十。我跟他跑了两天线路，发现他每天只拜访十二家店，而且从不查库存。"
     "我帮他重排了线路，每天拜访二十家，并教他进店先查库存再下单。两个月后他的达成率到了百分之九十五。", False),
    ("fmcg_marketing_planner", "roi_evaluation", "mkt.roi.exp_fmcg", "zh", 2,
     "评估活动效果这个事情其实挺重要的，我们做市场的，花了钱肯定要知道效果怎么样。一般我们活动结束之后都会开一个总结会，大家一起看一下这次活动做得怎么样，有哪些做得好的地方，有哪些需要改进的地方。"
     "然后领导也会根据情况调整下一次的预算。我觉得做市场最重要的是要有全局观，不能只看短期的效果，品牌建设是一个长期的过程，有些效果可能不是马上就能看到的，所以也不能完全用数字来衡量。"
     "总的来说我对预算管理还是比较有经验的，一直都是按照公司的要求来执行，没有出现过超支的情况。", False),
    ("fmcg_marketing_planner", "roi_evaluation", "mkt.roi.exp_fmcg", "zh", 4,
     "去年中秋我们在抖音和电梯广告各投了五十万。活动后我按渠道算了获客成本，抖音每个新客三十八元，电梯广告一百二十元。"
     "所以今年春节我把电梯广告砍到二十万，抖音加到八十万，新客数比去年春节多了百分之四十，总预算没变。", False),
    ("fmcg_ecommerce_operator", "live_streaming", "ecom.live.exp_fmcg", "en", 2,
     "Live streaming is really a big thing now, and I think it's the future of e-commerce. I have been involved in a lot of live streams, and I always try my best to support the host and the team. "
     "The key thing in live streaming is, you know, to create a good atmosphere and interact with the audience, because people want to feel connected. We usually prepare well before each stream and everyone works very hard. "
     "Sometimes the results are good and sometimes they are not so good, it depends on many factors like the product, the time, the platform algorithm. Overall I would say I have a lot of experience and I am very passionate about it.", False),
    ("fmcg_ecommerce_operator", "live_streaming", "ecom.live.exp_fmcg", "en", 4,
     "Our Douyin streams for a frozen dumpling brand were losing viewers after ten minutes. I moved the flash deal from minute forty to minute eight and added a cooking demo. "
     "Average watch time went from forty seconds to seventy-five, and stream GMV rose about thirty percent over the next month.", False),
    ("retail_store_manager", "inventory_merchandising", "store.stock.exp_retail", "en", 2,
     "Inventory is very important in retail, because if you have too much stock you lose money, and if you have too little the customers are unhappy. In my store we always follow the system and the guidelines from head office. "
     "I think communication with the team is also very important, everybody needs to know what to do. We try to keep the shelves full and tidy, and we do stock counts when we are asked to. "
     "Generally things run quite smoothly, and I think my experience in retail helps me to manage these things well.", False),
    ("retail_store_manager", "inventory_merchandising", "store.stock.exp_retail", "en", 4,
     "My store was throwing away about three thousand yuan of bread and milk a week. I checked the waste log, saw most of it came from the Monday delivery, and cut Monday orders by a quarter while adding an 8 pm markdown. "
     "Waste fell to about eleven hundred a week within a month, with no more stock-outs than before.", False),
]
