"""Cities (Chinese and English names) so that a location filter matches either spelling."""

from __future__ import annotations

CITIES: dict[str, tuple[str, ...]] = {
    "shanghai": ("上海", "Shanghai"), "beijing": ("北京", "Beijing", "Peking"),
    "guangzhou": ("广州", "Guangzhou", "Canton"), "shenzhen": ("深圳", "Shenzhen"),
    "hangzhou": ("杭州", "Hangzhou"), "chengdu": ("成都", "Chengdu"), "wuhan": ("武汉", "Wuhan"),
    "nanjing": ("南京", "Nanjing"), "xian": ("西安", "Xi'an", "Xian"), "chongqing": ("重庆", "Chongqing"),
    "tianjin": ("天津", "Tianjin"), "suzhou": ("苏州", "Suzhou"), "changsha": ("长沙", "Changsha"),
    "zhengzhou": ("郑州", "Zhengzhou"), "qingdao": ("青岛", "Qingdao"), "xiamen": ("厦门", "Xiamen"),
    "shenyang": ("沈阳", "Shenyang"), "jinan": ("济南", "Jinan"), "hefei": ("合肥", "Hefei"),
    "fuzhou": ("福州", "Fuzhou"), "kunming": ("昆明", "Kunming"), "dalian": ("大连", "Dalian"),
    "ningbo": ("宁波", "Ningbo"), "dongguan": ("东莞", "Dongguan"), "foshan": ("佛山", "Foshan"),
    "harbin": ("哈尔滨", "Harbin"), "nanning": ("南宁", "Nanning"), "shijiazhuang": ("石家庄", "Shijiazhuang"),
    "wuxi": ("无锡", "Wuxi"), "hongkong": ("香港", "Hong Kong"), "singapore": ("新加坡", "Singapore"),
}

LOCATION_LABELS: tuple[str, ...] = (
    "现居住地", "现居地", "现居", "居住地", "所在地", "所在城市", "城市", "地址", "期望城市", "期望工作地点", "工作地点",
    "Location", "Address", "City", "Based in",
)
