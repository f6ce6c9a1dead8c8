//! E-mail as a channel: each due message goes to the client's address through the firm's mail
//! server. The server taking it is 已发送; a mail server reports nothing after that, so an e-mailed
//! push never shows read or replied. A client without an address fails at once, saying so.

use head_office_storage::delivery::{
    ChannelRefusal, Handover, HandoverResult, SmtpSecurity, SmtpSettings,
};
use lettre::message::header::ContentType;
use lettre::message::Mailbox;
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::time::Duration;

/// What every research e-mail ends with (证券期货经营机构 may not promise returns).
const FOOTER: &str = "本资讯仅供参考，不构成投资建议。市场有风险，投资需谨慎。";

fn transport(
    settings: &SmtpSettings,
) -> Result<AsyncSmtpTransport<Tokio1Executor>, ChannelRefusal> {
    let host = settings.host.trim();
    let builder = match settings.security {
        SmtpSecurity::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(host),
        SmtpSecurity::Starttls => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(host),
        SmtpSecurity::Plain => Ok(AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(
            host,
        )),
    }
    .map_err(|e| ChannelRefusal(format!("邮件服务器设置有误：{e}")))?;
    let mut builder = builder
        .port(settings.port)
        .timeout(Some(Duration::from_secs(u64::from(
            settings.retries.timeout_seconds,
        ))));
    if let (Some(user), Some(password)) = (&settings.username, &settings.password) {
        builder = builder.credentials(Credentials::new(user.clone(), password.clone()));
    }
    Ok(builder.build())
}

fn letter(
    settings: &SmtpSettings,
    handover: &Handover,
    to: &str,
) -> Result<Message, ChannelRefusal> {
    let m = &handover.message;
    let from: Mailbox = settings
        .from
        .parse()
        .map_err(|e| ChannelRefusal(format!("发件人地址有误：{e}")))?;
    let to: Mailbox = format!("{} <{to}>", m.client_name)
        .parse()
        .map_err(|e| ChannelRefusal(format!("客户邮箱 {to} 有误：{e}")))?;
    Message::builder()
        .from(from)
        .to(to)
        .subject(&m.title)
        .header(ContentType::TEXT_PLAIN)
        .body(format!(
            "{}：\n\n{}\n\n《{}》\n\n您的客户经理 {}\n\n{FOOTER}\n",
            m.client_name, m.text, m.title, m.broker_name
        ))
        .map_err(|e| ChannelRefusal(format!("邮件无法生成：{e}")))
}

/// Sends every message, one connection each; one result per message.
pub async fn hand_over(settings: &SmtpSettings, due: Vec<Handover>) -> Vec<HandoverResult> {
    let mut results = Vec::with_capacity(due.len());
    let transport = transport(settings);
    for handover in due {
        let result = |outcome, hopeless| HandoverResult {
            delivery_id: handover.message.delivery_id.clone(),
            attempt: handover.message.attempt,
            outcome,
            hopeless,
        };
        let Some(to) = handover.message.email.clone() else {
            results.push(result(
                Err(ChannelRefusal("客户未登记电子邮箱".into())),
                true,
            ));
            continue;
        };
        let sent = match (&transport, letter(settings, &handover, &to)) {
            (Err(e), _) => Err(e.clone()),
            (_, Err(e)) => {
                results.push(result(Err(e), true));
                continue;
            }
            (Ok(transport), Ok(letter)) => transport
                .send(letter)
                .await
                .map(|_| ())
                .map_err(|e| ChannelRefusal(format!("邮件服务器未接收：{e}"))),
        };
        results.push(result(sent, false));
    }
    results
}
