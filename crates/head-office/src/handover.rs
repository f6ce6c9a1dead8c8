//! A leaving broker's whole book handed to colleagues (离职客户移交). The spread is
//! `domain::reassignment`; the preview shows each receiving desk its share, and the move makes
//! exactly that share, in one transaction, only if the book is still what the preview showed.
//! Each client reaches its new desk by the feed, as a single transfer does.

use crate::error::{HeadOfficeError, Result};
use chrono::{DateTime, Utc};
use domain::reassignment::{spread, BookClient};
use domain::Fen;
use head_office_storage::{Storage, UserRow};
use protocol::handover::{BookHandover, HandoverPlan, PreviewedBook, ReceiverShare};
use protocol::relationships::ClientOwnership;
use protocol::Role;

fn broker(storage: &dyn Storage, id: &str, what: &str) -> Result<UserRow> {
    storage
        .user_by_id(id)?
        .filter(|u| u.role == Role::Broker)
        .ok_or_else(|| HeadOfficeError::Validation(format!("{id} 不是经纪人，请重新选择{what}")))
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The book as the preview shows it; the handover is made only if it is still the same.
fn size(storage: &dyn Storage, leaving: &str, book: &[ClientOwnership]) -> Result<PreviewedBook> {
    let waiting = storage.scheduled_transfers()?;
    Ok(PreviewedBook {
        clients: count(book.len()),
        total_assets: book.iter().map(|c| c.total_assets).sum(),
        co_served: storage.co_served_by(leaving)?,
        scheduled_in: count(waiting.iter().filter(|t| t.to_broker_id == leaving).count()),
        scheduled_out: count(
            waiting
                .iter()
                .filter(|t| t.serving_broker_id == leaving)
                .count(),
        ),
    })
}

/// What the handover would do now: each receiver's share of the leaving broker's book.
pub fn preview(storage: &dyn Storage, req: &BookHandover) -> Result<HandoverPlan> {
    let from = broker(storage, &req.from_broker_id, "移出客户的经纪人")?;
    let mut receivers = Vec::with_capacity(req.to_broker_ids.len());
    for id in &req.to_broker_ids {
        let to = broker(storage, id, "接收经纪人")?;
        if to.disabled {
            return Err(HeadOfficeError::Validation(format!(
                "{}（{}）的账号已停用，不能接收客户",
                to.display_name, to.id
            )));
        }
        receivers.push(to);
    }
    let book = storage.broker_book(&from.id)?;
    let weighed: Vec<BookClient> = book
        .iter()
        .map(|c| BookClient {
            client_id: c.client_id.clone(),
            total_assets: c.total_assets,
        })
        .collect();
    let to = spread(&from.id, &req.to_broker_ids, &weighed)
        .map_err(|e| HeadOfficeError::Validation(e.to_string()))?;
    let mut shares = Vec::with_capacity(receivers.len());
    for receiver in receivers {
        shares.push(ReceiverShare {
            clients_before: storage.book_size(&receiver.id)?,
            broker_id: receiver.id,
            broker_name: receiver.display_name,
            unit_id: receiver.org_unit_id,
            total_assets: Fen::ZERO,
            clients: Vec::new(),
        });
    }
    for (client, r) in book.iter().zip(to) {
        shares[r].total_assets += client.total_assets;
        shares[r].clients.push(client.clone());
    }
    Ok(HandoverPlan {
        book: size(storage, &from.id, &book)?,
        from_broker_id: from.id,
        from_broker_name: from.display_name,
        receivers: shares,
        moved: false,
    })
}

/// Makes the handover as previewed, and logs it with its reason.
pub fn hand_over(
    storage: &dyn Storage,
    caller: &UserRow,
    req: &BookHandover,
    now: DateTime<Utc>,
) -> Result<HandoverPlan> {
    let reason = crate::staff_log::reason(&req.reason, "移交")?;
    let Some(previewed) = req.previewed else {
        return Err(HeadOfficeError::Validation(
            "请先预览移交结果，确认后再移交".into(),
        ));
    };
    let plan = preview(storage, req)?;
    if plan.book != previewed {
        return Err(HeadOfficeError::Validation(format!(
            "{} 名下的客户在预览后有变化（现为 {} 位），请重新预览后再确认",
            plan.from_broker_name, plan.book.clients
        )));
    }
    let moves: Vec<(String, String)> = plan
        .receivers
        .iter()
        .flat_map(|r| {
            r.clients
                .iter()
                .map(|c| (c.client_id.clone(), r.broker_id.clone()))
        })
        .collect();
    let shares: Vec<String> = plan
        .receivers
        .iter()
        .map(|r| format!("{}（{}）{} 位", r.broker_name, r.broker_id, r.clients.len()))
        .collect();
    let co_served = match plan.book.co_served {
        0 => String::new(),
        n => format!("；其共同服务的 {n} 位客户的共享随之结束"),
    };
    let scheduled_in = match plan.book.scheduled_in {
        0 => String::new(),
        n => format!("；{n} 项转入该经纪人的待生效划转或共享随之撤销"),
    };
    let detail = format!(
        "{}（{}）名下 {} 位客户移交给 {}{co_served}{scheduled_in}：{reason}",
        plan.from_broker_name,
        plan.from_broker_id,
        plan.book.clients,
        shares.join("、")
    );
    crate::staff_log::logged(
        caller,
        "离职客户移交",
        &plan.from_broker_id,
        &detail,
        now,
        |log| storage.hand_over_book(&plan.from_broker_id, &moves, now, log),
    )?;
    Ok(HandoverPlan {
        moved: true,
        ..plan
    })
}
