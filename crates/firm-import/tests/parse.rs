//! Every kind read from a file as a firm's IT would write it, with the mistakes they make.

use chrono::NaiveDate;
use firm_import::{parse, ImportError, ImportKind, ImportRow};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

fn reasons(kind: ImportKind, csv: &str) -> Vec<(u64, String)> {
    parse(kind, csv.as_bytes(), today())
        .unwrap()
        .problems
        .into_iter()
        .map(|p| (p.line, p.reason))
        .collect()
}

#[test]
fn a_header_without_a_required_column_is_refused_by_name() {
    let e = parse(
        ImportKind::Accounts,
        b"account_id,client_id\nA1,K1\n",
        today(),
    )
    .unwrap_err();
    assert!(matches!(e, ImportError::Header(_)));
    let text = e.to_string();
    assert!(
        text.contains("account_no") && text.contains("cash"),
        "{text}"
    );
}

#[test]
fn a_byte_order_mark_and_blank_lines_are_fine() {
    let csv = "\u{feff}event_id,kind,on\nHOL-1,holiday,2027-01-01\n,,\nHOL-2,休市,2027-01-02\n";
    let parsed = parse(ImportKind::Calendar, csv.as_bytes(), today()).unwrap();
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
    assert_eq!(parsed.rows.len(), 2);
    assert_eq!(
        parsed.rows[1].0, 4,
        "lines count the header and blank lines"
    );
}

#[test]
fn bad_clients_are_named_by_line_and_reason() {
    let csv = "client_id,name,id_number,mobile,investor_class,opened_on,serving_broker\n\
               K1,赵一,11010519491231002X,13800000001,普通投资者,2020-01-01,wang.min\n\
               K2,钱二,110105194912310021,13800000002,普通投资者,2020-01-01,wang.min\n\
               K3,孙三,11010519491231002X,12345,普通投资者,2020-01-01,wang.min\n\
               K 4,李四,11010519491231002X,13800000004,普通投资者,2020-01-01,wang.min\n\
               K5,周五,11010519491231002X,13800000005,散户,2020-01-01,wang.min\n\
               K6,吴六,11010519491231002X,13800000006,普通投资者,2030-01-01,wang.min\n\
               K7,郑七,11010519491231002X,13800000007,普通投资者,2020/01/01,wang.min\n";
    let got = reasons(ImportKind::Clients, csv);
    let lines: Vec<u64> = got.iter().map(|(l, _)| *l).collect();
    assert_eq!(lines, [3, 4, 5, 6, 7, 8]);
    assert!(got[0].1.contains("校验位"), "{}", got[0].1);
    assert!(got[1].1.contains("手机号"), "{}", got[1].1);
    assert!(got[2].1.contains("client_id"), "{}", got[2].1);
    assert!(
        got[3].1.contains("散户") && got[3].1.contains("普通投资者"),
        "{}",
        got[3].1
    );
    assert!(got[4].1.contains("晚于今天"), "{}", got[4].1);
    assert!(got[5].1.contains("2026-11-30"), "{}", got[5].1);
}

#[test]
fn accounts_keep_rates_and_money_exact() {
    let csv = "account_id,client_id,account_no,commission_rate,waive_minimum,opened_on,cash,margin_ratio\n\
               A1,K1,3100001,2.5,是,2020-01-01,1234.56,150.5\n\
               A2,K1,3100002,31,否,2020-01-01,1,\n\
               A3,K1,3100003,2.5,否,2020-01-01,12.345,\n\
               A4,K1,3100004,2.5,也许,2020-01-01,1,\n";
    let parsed = parse(ImportKind::Accounts, csv.as_bytes(), today()).unwrap();
    let ImportRow::Account(a) = &parsed.rows[0].1 else {
        panic!("an account")
    };
    assert_eq!(a.commission_rate, domain::Rate::per_ten_thousand(25, 1));
    assert_eq!(a.cash, domain::Fen(123_456));
    assert_eq!(a.margin_ratio_bp, Some(15_050));
    assert!(a.waive_minimum);
    let got: Vec<String> = parsed.problems.iter().map(|p| p.reason.clone()).collect();
    assert!(got[0].contains("上限"), "{}", got[0]);
    assert!(got[1].contains("两位小数"), "{}", got[1]);
    assert!(got[2].contains("是 或 否"), "{}", got[2]);
}

#[test]
fn trades_must_add_up_and_the_net_commission_is_computed() {
    let head = "trade_id,account_id,traded_at,security_code,side,quantity,price,amount,commission,handling_fee,regulatory_fee,transfer_fee,stamp_duty\n";
    let csv = format!(
        "{head}T1,A1,2026-11-20 10:01:00,600519,买入,100,1500.00,150000,37.50,0.51,0.30,1.50,0\n\
         T2,A1,2026-11-20T02:01:00Z,600519.SH,sell,100,1500.00,149000,37.50,0.51,0.30,1.50,75\n\
         T3,A1,2026-11-20 10:01:00,600519,买入,100,1500.00,150000,0.50,0.51,0.30,1.50,0\n\
         T4,A1,2026-11-20 10:01:00,999999,买入,100,1500.00,150000,37.50,0.51,0.30,1.50,0\n"
    );
    let parsed = parse(ImportKind::Trades, csv.as_bytes(), today()).unwrap();
    let ImportRow::Trade(t) = &parsed.rows[0].1 else {
        panic!("a trade")
    };
    assert_eq!(t.security_code, "600519.SH");
    assert_eq!(t.price_li, 1_500_000);
    assert_eq!(t.net_commission, domain::Fen(3_750 - 51 - 30));
    assert_eq!(
        t.traded_at.to_rfc3339(),
        "2026-11-20T02:01:00+00:00",
        "Beijing time"
    );
    let got: Vec<(u64, String)> = parsed
        .problems
        .iter()
        .map(|p| (p.line, p.reason.clone()))
        .collect();
    assert_eq!(got.len(), 3, "{got:?}");
    assert!(got[0].1.contains("price × quantity"), "{:?}", got[0]);
    assert!(got[1].1.contains("handling_fee"), "{:?}", got[1]);
    assert!(got[2].1.contains("security_code"), "{:?}", got[2]);
}

#[test]
fn library_and_calendar_rows_are_checked() {
    let library =
        "product_id,kind,title,summary,risk,version,valid_from,valid_until,author,approval_ref\n\
                   P1,研究报告,标题,摘要,R3,1,2026-11-01,2027-02-28,研究所,HG-1\n\
                   P2,研究报告,标题,摘要,R9,1,2026-11-01,2027-02-28,研究所,HG-2\n\
                   P3,研究报告,标题,摘要,R3,0,2026-11-01,2027-02-28,研究所,HG-3\n\
                   P4,研究报告,标题,摘要,R3,1,2027-03-01,2027-02-28,研究所,HG-4\n";
    let got = reasons(ImportKind::Library, library);
    assert_eq!(got.iter().map(|(l, _)| *l).collect::<Vec<_>>(), [3, 4, 5]);
    let calendar = "event_id,kind,on,security_code,security_name,window_days\n\
                    E1,配股,2026-12-10,600000,浦发银行,0\n\
                    E2,新股申购,2026-12-11,,,\n";
    let got = reasons(ImportKind::Calendar, calendar);
    assert!(got[0].1.contains("window_days"), "{:?}", got[0]);
    assert!(got[1].1.contains("security_code"), "{:?}", got[1]);
}

#[test]
fn a_library_item_may_be_for_professional_investors_only() {
    let library = "product_id,kind,title,summary,risk,version,valid_from,valid_until,author,\
                   approval_ref,target_investors\n\
                   P1,理财产品,私募精选,摘要,R5,1,2026-11-01,2027-02-28,资管部,HG-1,仅限专业投资者\n\
                   P2,研究报告,标题,摘要,R3,1,2026-11-01,2027-02-28,研究所,HG-2,\n\
                   P3,研究报告,标题,摘要,R3,1,2026-11-01,2027-02-28,研究所,HG-3,合格投资者\n";
    let parsed = parse(ImportKind::Library, library.as_bytes(), today()).unwrap();
    let targets: Vec<_> = parsed
        .rows
        .iter()
        .map(|(_, r)| match r {
            ImportRow::Product(p) => p.target_investors,
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        targets,
        [
            domain::TargetInvestors::ProfessionalOnly,
            domain::TargetInvestors::All
        ]
    );
    assert_eq!(parsed.problems.len(), 1);
    let problem = &parsed.problems[0];
    assert_eq!(problem.line, 4);
    assert!(
        problem.reason.contains("仅限专业投资者"),
        "{}",
        problem.reason
    );
}

#[test]
fn a_file_that_is_not_utf8_says_how_to_save_it() {
    let mut bytes = b"event_id,kind,on\nHOL-1,".to_vec();
    bytes.extend_from_slice(&[0xD0, 0xDD, 0xCA, 0xD0]); // 休市 in GBK
    bytes.extend_from_slice(b",2027-01-01\n");
    let parsed = parse(ImportKind::Calendar, &bytes, today()).unwrap();
    assert_eq!(parsed.problems.len(), 1);
    assert!(parsed.problems[0].reason.contains("UTF-8"));
}

#[test]
fn service_records_are_checked_like_the_desk_checks_them() {
    let complaints = "case_id,client_id,opened_on,category,summary,due_on,status,closed_on\n\
                      CS1,K1,2026-11-20,佣金费用,太贵,2026-12-05,处理中,\n\
                      CS2,K1,2026-11-20,佣金费用,太贵,2026-12-05,结案,\n\
                      CS3,K1,2026-11-20,佣金费用,太贵,2026-11-01,处理中,\n\
                      CS4,K1,2026-11-20,乱收费,太贵,2026-12-05,处理中,\n";
    let got = reasons(ImportKind::Complaints, complaints);
    assert_eq!(got.iter().map(|(l, _)| *l).collect::<Vec<_>>(), [3, 4, 5]);
    assert!(got[0].1.contains("closed_on"), "{:?}", got[0]);
    assert!(got[1].1.contains("due_on"), "{:?}", got[1]);
    assert!(got[2].1.contains("适当性/销售"), "{:?}", got[2]);
    let visits = "visit_id,client_id,visited_on,purpose,result,score\n\
                  RV1,K1,2026-11-22,开户回访,满意,5\n\
                  RV2,K1,2026-11-22,开户回访,满意,6\n";
    let got = reasons(ImportKind::ReturnVisits, visits);
    assert_eq!(got.len(), 1);
    assert!(got[0].1.contains("1 到 5"), "{:?}", got[0]);
    let transfers = "transfer_id,account_id,transferred_at,direction,amount\n\
                     CT1,A1,2026-11-18 09:00:00,转出,-5\n";
    assert!(reasons(ImportKind::CashTransfers, transfers)[0]
        .1
        .contains("正数"));
    let relations = "relation_id,client_id,related_client_id,relation,label\n\
                     R1,K1,K1,家庭成员,本人\n";
    assert!(reasons(ImportKind::Relationships, relations)[0]
        .1
        .contains("本人"));
}

#[test]
fn an_email_address_must_look_like_one() {
    let csv = "client_id,name,id_number,mobile,investor_class,opened_on,serving_broker,email\n\
               K1,赵一,11010519491231002X,13800000001,普通投资者,2020-01-01,wang.min,zhao@example.com\n\
               K2,钱二,11010519491231002X,13800000002,普通投资者,2020-01-01,wang.min,zhao@example\n\
               K3,孙三,11010519491231002X,13800000003,普通投资者,2020-01-01,wang.min,\n";
    let parsed = parse(ImportKind::Clients, csv.as_bytes(), today()).unwrap();
    let emails: Vec<Option<String>> = parsed
        .rows
        .iter()
        .map(|(_, r)| match r {
            ImportRow::Client { email, .. } => email.clone(),
            _ => None,
        })
        .collect();
    assert_eq!(emails, [Some("zhao@example.com".to_string()), None]);
    assert_eq!(parsed.problems.len(), 1);
    assert!(parsed.problems[0].reason.contains("邮箱"));
}

/// A workbook as a firm's staff would save it from Excel: numbers as numbers, a date as a date.
fn workbook(rows: &[&[&str]], opened: (u16, u8, u8)) -> Vec<u8> {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            match (*cell, cell.parse::<f64>()) {
                ("DATE", _) => {
                    let day = ExcelDateTime::from_ymd(opened.0, opened.1, opened.2).unwrap();
                    sheet.write_datetime_with_format(r, c, &day, &date).unwrap();
                }
                (_, Ok(n)) if r > 0 && !cell.ends_with('X') => {
                    sheet.write_number(r, c, n).unwrap();
                }
                _ => {
                    sheet.write_string(r, c, *cell).unwrap();
                }
            }
        }
    }
    book.save_to_buffer().unwrap()
}

#[test]
fn an_excel_workbook_reads_like_its_csv() {
    let header: &[&str] = &[
        "client_id",
        "name",
        "id_number",
        "mobile",
        "investor_class",
        "opened_on",
        "serving_broker",
    ];
    let good: &[&str] = &[
        "K1",
        "赵一",
        "11010519491231002X",
        "13800000001",
        "普通投资者",
        "DATE",
        "wang.min",
    ];
    let bad: &[&str] = &[
        "K2",
        "钱二",
        "11010519491231002X",
        "12345",
        "普通投资者",
        "DATE",
        "wang.min",
    ];
    let file = workbook(&[header, good, bad], (2020, 3, 1));
    let parsed = parse(ImportKind::Clients, &file, today()).unwrap();
    let ImportRow::Client { record, .. } = &parsed.rows[0].1 else {
        panic!("a client")
    };
    assert_eq!(record.mobile, "13800000001", "no .0 from Excel's number");
    assert_eq!(
        record.opened_on,
        NaiveDate::from_ymd_opt(2020, 3, 1).unwrap()
    );
    assert_eq!(parsed.problems.len(), 1);
    assert_eq!(parsed.problems[0].line, 3, "Excel's row number");
    assert!(parsed.problems[0].reason.contains("手机号"));
    let broken = parse(ImportKind::Clients, b"PK\x03\x04not really", today()).unwrap_err();
    assert!(matches!(broken, ImportError::NotXlsx(_)), "{broken}");
}
