//! Chinese names, resident ID numbers and mobile numbers that pass every check in `domain`.

use chrono::{Datelike, NaiveDate};
use domain::IdNumber;
use rand::Rng;

const SURNAMES: &[(&str, u32)] = &[
    ("王", 72),
    ("李", 71),
    ("张", 68),
    ("刘", 54),
    ("陈", 45),
    ("杨", 31),
    ("黄", 24),
    ("赵", 20),
    ("吴", 19),
    ("周", 19),
    ("徐", 15),
    ("孙", 15),
    ("马", 13),
    ("朱", 13),
    ("胡", 12),
    ("郭", 12),
    ("何", 11),
    ("林", 10),
    ("高", 10),
    ("罗", 10),
    ("郑", 9),
    ("梁", 9),
    ("谢", 7),
    ("宋", 7),
    ("唐", 7),
    ("许", 7),
    ("韩", 6),
    ("冯", 6),
    ("邓", 6),
    ("曹", 6),
    ("彭", 5),
    ("曾", 5),
    ("肖", 5),
    ("田", 5),
    ("董", 5),
    ("袁", 5),
    ("潘", 4),
    ("于", 4),
    ("蒋", 4),
    ("蔡", 4),
    ("余", 4),
    ("杜", 4),
    ("叶", 4),
    ("程", 4),
    ("苏", 3),
    ("魏", 3),
    ("吕", 3),
    ("丁", 3),
    ("任", 3),
    ("沈", 3),
    ("姚", 3),
    ("卢", 3),
    ("姜", 3),
    ("崔", 3),
    ("钟", 3),
    ("谭", 3),
    ("欧阳", 1),
    ("司马", 1),
    ("上官", 1),
];

const GIVEN_MALE: &[&str] = &[
    "伟", "强", "磊", "军", "勇", "杰", "涛", "斌", "超", "明", "刚", "平", "辉", "鹏", "华", "飞",
    "鑫", "波", "宇", "浩", "凯", "健", "俊", "帆", "建国", "志强", "文博", "子轩", "浩然", "宇航",
    "明辉", "海峰", "立新", "建华", "国栋", "振宇", "家豪", "天佑",
];

const GIVEN_FEMALE: &[&str] = &[
    "芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "秀英", "玲", "婷", "雪", "慧", "颖", "琳",
    "欣怡", "梓涵", "诗琪", "雨桐", "佳怡", "晓燕", "美玲", "丽华", "春梅", "海燕", "思雨", "若曦",
    "晓雯", "文静", "嘉欣",
];

/// Real county-level division codes, with where a branch of the demo firm would find clients.
const REGIONS: &[&str] = &[
    "310115", "310104", "310101", "310112", "110105", "110108", "110101", "440305", "440304",
    "440106", "330106", "330108", "320102", "320106", "510107", "420106", "370102", "350203",
];

const MOBILE_PREFIXES: &[&str] = &[
    "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "153",
    "155", "156", "157", "158", "159", "166", "176", "177", "180", "181", "182", "183", "185",
    "186", "187", "188", "189", "191", "198", "199",
];

pub struct Person {
    pub name: String,
    pub id_number: String,
    pub mobile: String,
    pub age: i32,
}

pub fn person(rng: &mut impl Rng, as_of: NaiveDate) -> Person {
    let male = rng.gen_bool(0.52);
    let name = name(rng, male);
    // Investors are adults; a tail of elderly clients matters for the suitability rules.
    let age = if rng.gen_bool(0.15) {
        rng.gen_range(65..88)
    } else {
        rng.gen_range(22..65)
    };
    let year = as_of.year() - age;
    let birth = loop {
        let day = NaiveDate::from_ymd_opt(year, rng.gen_range(1..=12), rng.gen_range(1..=31));
        if let Some(d) = day.filter(|d| *d <= as_of) {
            break d;
        }
    };
    let region = REGIONS[rng.gen_range(0..REGIONS.len())];
    let seq = rng.gen_range(0..500) * 2 + u32::from(male);
    let first17 = format!("{region}{}{seq:03}", birth.format("%Y%m%d"));
    let check = IdNumber::check_char(&first17).unwrap_or('0');
    let prefix = MOBILE_PREFIXES[rng.gen_range(0..MOBILE_PREFIXES.len())];
    let mobile = format!("{prefix}{:08}", rng.gen_range(0..100_000_000u32));
    Person {
        name,
        id_number: format!("{first17}{check}"),
        mobile,
        age,
    }
}

pub fn name(rng: &mut impl Rng, male: bool) -> String {
    let total: u32 = SURNAMES.iter().map(|(_, w)| w).sum();
    let mut pick = rng.gen_range(0..total);
    let mut surname = SURNAMES[0].0;
    for (s, w) in SURNAMES {
        if pick < *w {
            surname = s;
            break;
        }
        pick -= w;
    }
    let given = if male { GIVEN_MALE } else { GIVEN_FEMALE };
    format!("{surname}{}", given[rng.gen_range(0..given.len())])
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::Mobile;
    use rand::SeedableRng;

    #[test]
    fn generated_people_pass_domain_validation() {
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(7);
        let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        for _ in 0..2_000 {
            let p = person(&mut rng, today);
            let id = IdNumber::parse(&p.id_number, today).unwrap();
            assert!(id.age_on(today) >= 21, "investors are adults");
            Mobile::parse(&p.mobile).unwrap();
            assert!(p.name.chars().count() >= 2);
        }
    }
}
