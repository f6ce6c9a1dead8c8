//! Real A-share and ETF codes with rough price levels, enough for believable books.

pub struct Listed {
    pub code: &'static str,
    pub name: &'static str,
    /// Typical price in 厘 (0.001 yuan).
    pub price_li: i64,
}

pub const LISTED: &[Listed] = &[
    Listed {
        code: "600519.SH",
        name: "贵州茅台",
        price_li: 1_500_000,
    },
    Listed {
        code: "601318.SH",
        name: "中国平安",
        price_li: 52_000,
    },
    Listed {
        code: "600036.SH",
        name: "招商银行",
        price_li: 36_000,
    },
    Listed {
        code: "000858.SZ",
        name: "五粮液",
        price_li: 130_000,
    },
    Listed {
        code: "300750.SZ",
        name: "宁德时代",
        price_li: 250_000,
    },
    Listed {
        code: "002594.SZ",
        name: "比亚迪",
        price_li: 280_000,
    },
    Listed {
        code: "000001.SZ",
        name: "平安银行",
        price_li: 11_500,
    },
    Listed {
        code: "601012.SH",
        name: "隆基绿能",
        price_li: 19_000,
    },
    Listed {
        code: "600900.SH",
        name: "长江电力",
        price_li: 28_500,
    },
    Listed {
        code: "688981.SH",
        name: "中芯国际",
        price_li: 90_000,
    },
    Listed {
        code: "510300.SH",
        name: "沪深300ETF",
        price_li: 4_012,
    },
    Listed {
        code: "159915.SZ",
        name: "创业板ETF",
        price_li: 2_215,
    },
    Listed {
        code: "601899.SH",
        name: "紫金矿业",
        price_li: 18_000,
    },
    Listed {
        code: "600030.SH",
        name: "中信证券",
        price_li: 28_000,
    },
    Listed {
        code: "000333.SZ",
        name: "美的集团",
        price_li: 75_000,
    },
    Listed {
        code: "600276.SH",
        name: "恒瑞医药",
        price_li: 50_000,
    },
    Listed {
        code: "601166.SH",
        name: "兴业银行",
        price_li: 22_000,
    },
    Listed {
        code: "600887.SH",
        name: "伊利股份",
        price_li: 28_000,
    },
    Listed {
        code: "002415.SZ",
        name: "海康威视",
        price_li: 30_000,
    },
    Listed {
        code: "300059.SZ",
        name: "东方财富",
        price_li: 23_000,
    },
    Listed {
        code: "601888.SH",
        name: "中国中免",
        price_li: 65_000,
    },
    Listed {
        code: "000651.SZ",
        name: "格力电器",
        price_li: 42_000,
    },
    Listed {
        code: "600309.SH",
        name: "万华化学",
        price_li: 75_000,
    },
    Listed {
        code: "688111.SH",
        name: "金山办公",
        price_li: 280_000,
    },
    Listed {
        code: "601398.SH",
        name: "工商银行",
        price_li: 7_000,
    },
    Listed {
        code: "601288.SH",
        name: "农业银行",
        price_li: 5_200,
    },
    Listed {
        code: "600028.SH",
        name: "中国石化",
        price_li: 6_100,
    },
    Listed {
        code: "601857.SH",
        name: "中国石油",
        price_li: 8_500,
    },
    Listed {
        code: "000725.SZ",
        name: "京东方A",
        price_li: 4_200,
    },
    Listed {
        code: "002475.SZ",
        name: "立讯精密",
        price_li: 40_000,
    },
    Listed {
        code: "300015.SZ",
        name: "爱尔眼科",
        price_li: 13_000,
    },
    Listed {
        code: "600585.SH",
        name: "海螺水泥",
        price_li: 23_000,
    },
    Listed {
        code: "601668.SH",
        name: "中国建筑",
        price_li: 5_500,
    },
    Listed {
        code: "000002.SZ",
        name: "万科A",
        price_li: 7_000,
    },
    Listed {
        code: "603259.SH",
        name: "药明康德",
        price_li: 60_000,
    },
    Listed {
        code: "512880.SH",
        name: "证券ETF",
        price_li: 1_050,
    },
    Listed {
        code: "588000.SH",
        name: "科创50ETF",
        price_li: 1_020,
    },
    Listed {
        code: "301269.SZ",
        name: "华大九天",
        price_li: 110_000,
    },
];
