//! Going live with a firm's own data: an empty head office, served as a real firm's is (no
//! `--demo`), gets its org tree and people from IT and its book from the firm's files, bad rows
//! and all; a desk syncs it; a daily file changes a number and moves a client; a push goes out
//! through the firm's gateway and the gateway's receipt reaches the desk.

use crate::webhook::{
    gateway_received, post_receipts, push, receipt, signature, start_gateway, status_of,
    synced_until, Gateway, SECRET,
};
use domain::IdNumber;
use firm_import::{ImportKind, ImportReport};
use head_office::admin::{self, NewUser};
use head_office::channel::{ChannelSettings, Retries, SmtpSecurity, SmtpSettings, WebhookSettings};
use head_office_storage::Storage;
use protocol::{paths, ApiError, DeliveryStatus, ErrorCode, Role};
use std::sync::Arc;
use store::ClientQuery;
use sync::HeadOffice;
use system_tests::{test_clock, TestDesk, TestHeadOffice, TODAY};

fn whole_book() -> ClientQuery {
    ClientQuery {
        limit: 100,
        ..ClientQuery::default()
    }
}

fn id_number(n: u32) -> String {
    let first17 = format!("11010519800101{n:03}");
    format!("{first17}{}", IdNumber::check_char(&first17).unwrap())
}

fn clients_csv(extra: &str) -> String {
    format!(
        "client_id,name,id_number,mobile,investor_class,opened_on,serving_broker,developing_broker,tags\n\
         K001,赵一,{},13800000001,普通投资者,2020-03-01,wang.min,,高净值\n\
         K002,钱二,{},13800000002,ordinary,2021-05-10,wang.min,li.na,\n\
         K003,孙三,{},13800000003,professional,2022-07-15,li.na,,企业主;退休\n{extra}",
        id_number(1),
        id_number(2),
        id_number(3)
    )
}

const BAD_CLIENTS: &str =
    "K004,李四,110105198001010049,13800000004,普通投资者,2020-01-01,wang.min,,\n\
     K005,周五,{id5},13800000005,普通投资者,2020-01-01,nobody,,\n\
     K006,吴六,{id6},1380000,普通投资者,2020-01-01,wang.min,,\n";

async fn post_file(
    base: &str,
    token: &str,
    kind: &str,
    query: &str,
    body: String,
) -> reqwest::Response {
    reqwest::Client::new()
        .post(format!(
            "{base}{}{query}",
            paths::ADMIN_IMPORT.replace("{kind}", kind)
        ))
        .bearer_auth(token)
        .header("content-type", "text/csv")
        .body(body)
        .send()
        .await
        .unwrap()
}

fn import(storage: &dyn Storage, kind: ImportKind, csv: &str) -> ImportReport {
    let report =
        head_office::import::import_file(storage, kind, csv.as_bytes(), false, system_tests::now())
            .unwrap();
    assert!(report.written, "{}", report.summary_zh(kind));
    report
}

#[tokio::test(flavor = "multi_thread")]
async fn a_firm_loaded_from_its_own_files_goes_live() {
    let head_office = TestHeadOffice::empty_configured(test_clock()).await;
    let base = head_office.base_url();
    let storage: &dyn Storage = head_office.storage.as_ref();

    // IT sets up the tree and the people.
    admin::add_unit(storage, "HQ", None, "总部", None).unwrap();
    admin::add_unit(storage, "BR01", Some("HQ"), "北京营业部", None).unwrap();
    admin::add_unit(storage, "TM01", Some("BR01"), "财富一组", None).unwrap();
    let person = |username: &str, name: &str, role, unit: &str| NewUser {
        username: username.into(),
        display_name: name.into(),
        role,
        unit_id: unit.into(),
    };
    let (wang_id, wang_password) = admin::add_user(
        storage,
        &person("wang.min", "王敏", Role::Broker, "TM01"),
        None,
    )
    .unwrap();
    let (_, li_password) = admin::add_user(
        storage,
        &person("li.na", "李娜", Role::Broker, "TM01"),
        None,
    )
    .unwrap();
    let (_, it_password) = admin::add_user(
        storage,
        &person("it.admin", "信息技术部", Role::Admin, "HQ"),
        None,
    )
    .unwrap();
    let api = HeadOffice::new(&base).unwrap();
    let it = api
        .sign_in(&protocol::SignInRequest {
            username: "it.admin".into(),
            password: it_password,
            device_id: "nightly-job".into(),
        })
        .await
        .unwrap()
        .access_token;

    // The nightly job sends the clients with three bad rows: nothing is written, every bad row
    // is named by line and reason.
    let bad = BAD_CLIENTS
        .replace("{id5}", &id_number(5))
        .replace("{id6}", &id_number(6));
    let refused = post_file(&base, &it, "clients", "", clients_csv(&bad)).await;
    assert_eq!(refused.status(), 422);
    let error: ApiError = refused.json().await.unwrap();
    assert_eq!(error.code, ErrorCode::Validation);
    for expected in [
        "第 5 行",
        "校验位",
        "第 6 行",
        "nobody",
        "第 7 行",
        "手机号",
    ] {
        assert!(
            error.message.contains(expected),
            "{expected}: {}",
            error.message
        );
    }
    let feed = storage.pull(&wang_id, 0, 100).unwrap();
    assert!(
        feed.changes.is_empty(),
        "nothing was written: {:?}",
        feed.changes
    );
    // A broker may not load files.
    let li = api
        .sign_in(&protocol::SignInRequest {
            username: "li.na".into(),
            password: li_password,
            device_id: "d".into(),
        })
        .await
        .unwrap()
        .access_token;
    let forbidden = post_file(&base, &li, "clients", "", clients_csv("")).await;
    assert_eq!(forbidden.status(), 403);
    // With skip_bad the good rows go in and the bad ones are reported.
    let taken: ImportReport = post_file(&base, &it, "clients", "?skip_bad=true", clients_csv(&bad))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!((taken.inserted, taken.problems.len()), (3, 3));
    assert!(taken.written);

    import(
        storage,
        ImportKind::Accounts,
        "account_id,client_id,account_no,commission_rate,waive_minimum,opened_on,cash\n\
         A001,K001,310000000001,2.5,否,2020-03-01,120000.50\n\
         A002,K002,310000000002,1.8,是,2021-05-10,8000\n\
         A003,K003,310000000003,3,否,2022-07-15,500000\n",
    );
    import(
        storage,
        ImportKind::Assessments,
        "assessment_id,client_id,level,assessed_on,expires_on\n\
         RA1,K001,C4,2026-01-10,2028-01-10\n\
         RA2,K002,积极型,2025-12-01,2027-12-01\n\
         RA3,K003,C5,2026-03-01,2028-03-01\n",
    );
    import(
        storage,
        ImportKind::Holdings,
        "holding_id,account_id,security_code,security_name,quantity,cost,market_value\n\
         H1,A001,600519,贵州茅台,100,150000,168000\n",
    );
    let trades = "trade_id,account_id,traded_at,security_code,side,quantity,price,amount,commission,handling_fee,regulatory_fee,transfer_fee,stamp_duty\n\
         T1,A001,2026-11-20 10:01:00,600519.SH,买入,100,1500.00,150000,37.50,0.51,0.30,1.50,0\n\
         T2,A002,2026-11-21 14:30:00,000001,sell,1000,12.345,12345,5,0.42,0.25,0.12,6.17\n";
    import(storage, ImportKind::Trades, trades);
    import(
        storage,
        ImportKind::Calendar,
        "event_id,kind,on,security_code,security_name,window_days,detail\n\
         HOL-20270101,休市,2027-01-01,,,,元旦\n",
    );
    import(
        storage,
        ImportKind::Library,
        "product_id,kind,title,summary,risk,version,valid_from,valid_until,security_code,author,approval_ref,body\n\
         RR-2026-118,研究报告,四季度宏观策略,经济温和修复，关注红利与科技,R3,1,2026-11-01,2027-02-28,,研究所宏观组,HG-2026-0118,\"一、经济温和修复。\n二、关注红利与科技。\"\n",
    );

    import(
        storage,
        ImportKind::CashTransfers,
        "transfer_id,account_id,transferred_at,direction,amount\n\
         CT1,A001,2026-11-18 09:00:00,转入,50000\n",
    );
    import(
        storage,
        ImportKind::Relationships,
        "relation_id,client_id,related_client_id,relation,label\n\
         REL1,K001,K003,家庭成员,配偶\n",
    );
    import(
        storage,
        ImportKind::Complaints,
        "case_id,client_id,opened_on,category,summary,due_on,status,channel,case_no\n\
         CS1,K001,2026-11-20,佣金费用,佣金比约定的高,2026-12-05,处理中,电话,TS20261120-0001\n",
    );
    import(
        storage,
        ImportKind::ReturnVisits,
        "visit_id,client_id,visited_on,purpose,result,score,client_words,by\n\
         RV1,K001,2026-11-22,开户回访,已回访,2,等待时间太长,客服小刘\n",
    );

    // The same file again changes nothing.
    let again = import(storage, ImportKind::Trades, trades);
    assert_eq!((again.inserted, again.updated, again.unchanged), (0, 0, 2));

    // wang.min's desk syncs its book: two clients, their accounts, the trade, the library.
    let desk = TestDesk::synced_as(&base, "wang.min", &wang_password).await;
    let list = desk.with_store(|s| s.list_clients(&whole_book(), TODAY).unwrap());
    let mut ids: Vec<&str> = list.rows.iter().map(|r| r.id.as_str()).collect();
    ids.sort();
    assert_eq!(ids, ["K001", "K002"]);
    let k001 = list.rows.iter().find(|r| r.id == "K001").unwrap();
    assert_eq!(
        k001.total_assets.0,
        12_000_050 + 16_800_000,
        "cash and holdings"
    );
    let library = desk.with_store(|s| s.products(&store::ProductQuery::default(), TODAY).unwrap());
    assert_eq!(library.len(), 1);
    assert_eq!(
        library[0].item.body,
        "一、经济温和修复。\n二、关注红利与科技。"
    );
    let profile = desk.with_store(|s| s.client_profile("K001", TODAY).unwrap().unwrap());
    assert_eq!(profile.cash_transfers.len(), 1);
    assert_eq!(profile.relations[0].related_name, "孙三");
    let cases: Vec<(&str, Option<u8>)> = profile
        .service_cases
        .iter()
        .map(|c| (c.id.as_str(), c.satisfaction))
        .collect();
    assert_eq!(cases.len(), 2, "{cases:?}");
    assert!(cases.contains(&("RV1", Some(2))) && cases.contains(&("CS1", None)));

    // A daily file: K001 has a new number and an e-mail address, K002 moves to li.na, K004 opens.
    let daily = format!(
        "client_id,name,id_number,mobile,investor_class,opened_on,serving_broker,developing_broker,tags,email\n\
         K001,赵一,{},13900000001,普通投资者,2020-03-01,wang.min,,高净值,zhao.yi@example.com\n\
         K002,钱二,{},13800000002,ordinary,2021-05-10,li.na,li.na,,\n\
         K003,孙三,{},13800000003,professional,2022-07-15,li.na,,企业主;退休,\n\
         K004,李四,{},13800000004,普通投资者,2023-01-05,wang.min,,,\n",
        id_number(1),
        id_number(2),
        id_number(3),
        id_number(4)
    );
    let moved = import(storage, ImportKind::Clients, &daily);
    assert_eq!((moved.inserted, moved.updated, moved.unchanged), (1, 2, 1));
    import(
        storage,
        ImportKind::Assessments,
        "assessment_id,client_id,level,assessed_on,expires_on\nRA4,K004,C3,2026-06-01,2028-06-01\n",
    );
    desk.sync().await;
    let list = desk.with_store(|s| s.list_clients(&whole_book(), TODAY).unwrap());
    let mut ids: Vec<&str> = list.rows.iter().map(|r| r.id.as_str()).collect();
    ids.sort();
    assert_eq!(ids, ["K001", "K004"], "K002 left wang.min's book");
    let k001 = list.rows.iter().find(|r| r.id == "K001").unwrap();
    assert!(k001.mobile_masked.ends_with("0001"));

    // A push to K001 goes out through the firm's gateway; its receipt reaches the desk.
    let gateway = Arc::new(Gateway::default());
    let (url, gateway_task) = start_gateway(gateway.clone()).await;
    storage
        .set_delivery_channel(Some(&ChannelSettings::Webhook(WebhookSettings {
            url,
            secret: SECRET.into(),
            retries: Retries {
                max_attempts: 3,
                first_retry_seconds: 30,
                timeout_seconds: 5,
            },
        })))
        .unwrap();
    let push_id = push(&desk, "PUSH-LIVE", "RR-2026-118", &["K001".to_string()]);
    desk.sync().await;
    let sent = gateway_received(&gateway, 1).await;
    assert_eq!(sent[0].mobile, "13900000001");
    assert_eq!(sent[0].broker_name, "王敏");
    synced_until(&desk, &push_id, |d| {
        status_of(d, "K001") == Some(DeliveryStatus::Sent)
    })
    .await;
    let batch = serde_json::json!({ "receipts": [
        receipt(&format!("{push_id}/K001"), DeliveryStatus::Read, None),
    ]})
    .to_string();
    let answer = post_receipts(&base, &batch, &signature(batch.as_bytes())).await;
    assert_eq!(answer.status(), 200);
    synced_until(&desk, &push_id, |d| {
        status_of(d, "K001") == Some(DeliveryStatus::Read)
    })
    .await;
    gateway_task.abort();

    // IT switches to e-mail: K001's push reaches the mail server; K004 has no address and the
    // broker reads why at once.
    let sink = SmtpSink::start();
    storage
        .set_delivery_channel(Some(&ChannelSettings::Smtp(SmtpSettings {
            host: "127.0.0.1".into(),
            port: sink.port,
            security: SmtpSecurity::Plain,
            username: None,
            password: None,
            from: "某某证券研究所 <research@firm.example>".into(),
            retries: Retries {
                max_attempts: 3,
                first_retry_seconds: 30,
                timeout_seconds: 5,
            },
        })))
        .unwrap();
    let mailed = push(
        &desk,
        "PUSH-MAIL",
        "RR-2026-118",
        &["K001".to_string(), "K004".to_string()],
    );
    desk.sync().await;
    synced_until(&desk, &mailed, |d| {
        status_of(d, "K001") == Some(DeliveryStatus::Sent)
            && status_of(d, "K004") == Some(DeliveryStatus::Failed)
    })
    .await;
    let detail = desk.with_store(|s| s.push_detail(&mailed).unwrap());
    let k004 = detail.recipients.iter().find(|r| r.client_id == "K004");
    let reason = k004.and_then(|r| r.reason.clone()).unwrap_or_default();
    assert!(reason.contains("电子邮箱"), "{reason}");
    let mails = sink.messages();
    assert_eq!(mails.len(), 1, "one e-mail, to K001 only");
    assert!(mails[0].contains("zhao.yi@example.com") && mails[0].contains("research@firm.example"));
}

/// aiosmtpd from the project's virtualenv (`make test`'s setup makes it), keeping what it is
/// sent as files; stopped when dropped.
struct SmtpSink {
    port: u16,
    dir: tempfile::TempDir,
    child: std::process::Child,
}

impl SmtpSink {
    fn start() -> SmtpSink {
        let python = concat!(env!("CARGO_MANIFEST_DIR"), "/../../.venv/bin/python");
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let dir = tempfile::tempdir().unwrap();
        let child = std::process::Command::new(python)
            .args(["-m", "aiosmtpd", "-n", "-l"])
            .arg(format!("127.0.0.1:{port}"))
            .args(["-c", "aiosmtpd.handlers.Mailbox"])
            .arg(dir.path().join("maildir"))
            .spawn()
            .unwrap_or_else(|e| panic!("aiosmtpd from {python} (run scripts/setup.sh): {e}"));
        let sink = SmtpSink { port, dir, child };
        for _ in 0..100 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return sink;
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        panic!("aiosmtpd did not listen on {port} within 10 s");
    }

    /// Every message received, raw.
    fn messages(&self) -> Vec<String> {
        let new = self.dir.path().join("maildir").join("new");
        std::fs::read_dir(new)
            .map(|entries| {
                entries
                    .filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())
                    .collect()
            })
            .unwrap_or_default()
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
