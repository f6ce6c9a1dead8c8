//! Values between rusqlite's model (what the row mappers speak) and PostgreSQL's wire types, and
//! the few spellings of SQLite's dialect PostgreSQL does not share.

use bytes::{BufMut, BytesMut};
use postgres::types::{to_sql_checked, FromSql, IsNull, ToSql, Type};
use rusqlite::types::{ToSqlOutput, Value};
use std::error::Error;

type BoxError = Box<dyn Error + Sync + Send>;

/// A parameter as rusqlite would bind it, encoded as whatever type PostgreSQL inferred for its
/// placeholder: the schema keeps SQLite's few types (integers, text), so this is a small table.
#[derive(Debug)]
pub(super) struct PgParam(Value);

impl PgParam {
    pub(super) fn from_sqlite(param: &dyn rusqlite::ToSql) -> rusqlite::Result<PgParam> {
        Ok(PgParam(match param.to_sql()? {
            ToSqlOutput::Borrowed(v) => v.into(),
            ToSqlOutput::Owned(v) => v,
            other => {
                return Err(rusqlite::Error::ToSqlConversionFailure(
                    format!("unsupported parameter {other:?}").into(),
                ))
            }
        }))
    }
}

fn mismatch(value: &Value, ty: &Type) -> BoxError {
    format!("cannot bind {:?} to a {ty} placeholder", value.data_type()).into()
}

impl ToSql for PgParam {
    fn to_sql(&self, ty: &Type, out: &mut BytesMut) -> Result<IsNull, BoxError> {
        match (&self.0, ty) {
            (Value::Null, _) => Ok(IsNull::Yes),
            (Value::Integer(i), &Type::INT8) => i.to_sql(ty, out),
            (Value::Integer(i), &Type::INT4) => i32::try_from(*i)?.to_sql(ty, out),
            (Value::Integer(i), &Type::INT2) => i16::try_from(*i)?.to_sql(ty, out),
            (Value::Integer(i), &Type::BOOL) => (*i != 0).to_sql(ty, out),
            (Value::Integer(i), &Type::FLOAT8) => (*i as f64).to_sql(ty, out),
            (Value::Integer(i), _) if is_text(ty) => i.to_string().as_str().to_sql(ty, out),
            (Value::Real(f), &Type::FLOAT8) => f.to_sql(ty, out),
            (Value::Real(f), _) if is_text(ty) => f.to_string().as_str().to_sql(ty, out),
            (Value::Text(s), _) if is_text(ty) => s.as_str().to_sql(ty, out),
            (Value::Text(s), &Type::JSON) => {
                out.put_slice(s.as_bytes());
                Ok(IsNull::No)
            }
            (Value::Text(s), &Type::JSONB) => {
                out.put_u8(1);
                out.put_slice(s.as_bytes());
                Ok(IsNull::No)
            }
            (Value::Text(s), &Type::INT8) => s.parse::<i64>()?.to_sql(ty, out),
            (Value::Blob(b), &Type::BYTEA) => b.as_slice().to_sql(ty, out),
            (value, ty) => Err(mismatch(value, ty)),
        }
    }

    fn accepts(_: &Type) -> bool {
        true
    }

    to_sql_checked!();
}

fn is_text(ty: &Type) -> bool {
    [
        Type::TEXT,
        Type::VARCHAR,
        Type::BPCHAR,
        Type::NAME,
        Type::UNKNOWN,
    ]
    .contains(ty)
}

/// A column of any type the schema uses, as rusqlite's `Value`.
pub(super) struct AnyValue(pub Value);

impl<'a> FromSql<'a> for AnyValue {
    fn from_sql(ty: &Type, raw: &'a [u8]) -> Result<Self, BoxError> {
        Ok(AnyValue(match *ty {
            Type::INT8 => Value::Integer(i64::from_sql(ty, raw)?),
            Type::INT4 => Value::Integer(i32::from_sql(ty, raw)?.into()),
            Type::INT2 => Value::Integer(i16::from_sql(ty, raw)?.into()),
            Type::OID => Value::Integer(u32::from_sql(ty, raw)?.into()),
            Type::BOOL => Value::Integer(bool::from_sql(ty, raw)?.into()),
            Type::FLOAT8 => Value::Real(f64::from_sql(ty, raw)?),
            Type::FLOAT4 => Value::Real(f32::from_sql(ty, raw)?.into()),
            Type::NUMERIC => numeric(raw)?,
            Type::BYTEA => Value::Blob(raw.to_vec()),
            Type::VOID => Value::Null,
            Type::JSONB => Value::Text(std::str::from_utf8(raw.get(1..).unwrap_or(&[]))?.into()),
            ref t if is_text(t) || *t == Type::JSON => {
                Value::Text(std::str::from_utf8(raw)?.into())
            }
            ref t => return Err(format!("column of unsupported type {t}").into()),
        }))
    }

    fn from_sql_null(_: &Type) -> Result<Self, BoxError> {
        Ok(AnyValue(Value::Null))
    }

    fn accepts(_: &Type) -> bool {
        true
    }
}

/// `sum` over integers is `numeric` in PostgreSQL; whole numbers come back as integers, as they
/// would from SQLite. Binary layout: ndigits, weight, sign, dscale, then base-10000 digits.
fn numeric(raw: &[u8]) -> Result<Value, BoxError> {
    let word = |i: usize| -> Result<i16, BoxError> {
        let b = raw.get(i * 2..i * 2 + 2).ok_or("short numeric")?;
        Ok(i16::from_be_bytes([b[0], b[1]]))
    };
    let (ndigits, weight, sign) = (word(0)?, word(1)?, word(2)? as u16);
    if sign == 0xC000 {
        return Err("NaN numeric".into());
    }
    let mut whole: i128 = 0;
    let mut fraction = 0f64;
    for j in 0..ndigits.max(0) as usize {
        let digit = i128::from(word(4 + j)?);
        let power = i32::from(weight) - j as i32;
        if power >= 0 {
            whole = whole
                .checked_add(
                    digit
                        * 10_000i128
                            .checked_pow(power as u32)
                            .ok_or("numeric too large")?,
                )
                .ok_or("numeric too large")?;
        } else {
            fraction += digit as f64 * 10_000f64.powi(power);
        }
    }
    let negative = sign == 0x4000;
    if fraction == 0.0 {
        let n = i64::try_from(whole)?;
        Ok(Value::Integer(if negative { -n } else { n }))
    } else {
        let v = whole as f64 + fraction;
        Ok(Value::Real(if negative { -v } else { v }))
    }
}

/// SQLite's spelling to PostgreSQL's: `?N` placeholders become `$N`, and the two functions the
/// statements use that PostgreSQL names differently are renamed. Quoted text is left alone.
pub(super) fn translate(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len() + 16);
    let mut chars = sql.chars().peekable();
    let mut in_quote = false;
    let mut next_anonymous = 1;
    while let Some(c) = chars.next() {
        if c == '\'' {
            in_quote = !in_quote;
            out.push(c);
        } else if c == '?' && !in_quote {
            out.push('$');
            if chars.peek().is_some_and(char::is_ascii_digit) {
                while let Some(d) = chars.next_if(char::is_ascii_digit) {
                    out.push(d);
                }
            } else {
                out.push_str(&next_anonymous.to_string());
                next_anonymous += 1;
            }
        } else {
            out.push(c);
        }
    }
    out.replace("json_each(", "json_array_elements_text(")
        .replace("group_concat(", "string_agg(")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_and_functions_are_rewritten_outside_quotes() {
        assert_eq!(
            translate("SELECT '?1', group_concat(a, ' / ') FROM t WHERE x IN (SELECT value FROM json_each(?1)) AND y = ?12 AND z = ?"),
            "SELECT '?1', string_agg(a, ' / ') FROM t WHERE x IN (SELECT value FROM json_array_elements_text($1)) AND y = $12 AND z = $1"
        );
    }

    fn numeric_bytes(ndigits: i16, weight: i16, sign: u16, digits: &[i16]) -> Vec<u8> {
        let mut v = Vec::new();
        for w in [ndigits, weight, sign as i16, 0] {
            v.extend_from_slice(&w.to_be_bytes());
        }
        for d in digits {
            v.extend_from_slice(&d.to_be_bytes());
        }
        v
    }

    #[test]
    fn whole_numerics_read_as_integers() {
        // 123456789 = 1 2345 6789 in base 10000
        let raw = numeric_bytes(3, 2, 0, &[1, 2345, 6789]);
        assert_eq!(numeric(&raw).ok(), Some(Value::Integer(123_456_789)));
        let raw = numeric_bytes(1, 1, 0x4000, &[5]);
        assert_eq!(numeric(&raw).ok(), Some(Value::Integer(-50_000)));
        let raw = numeric_bytes(0, 0, 0, &[]);
        assert_eq!(numeric(&raw).ok(), Some(Value::Integer(0)));
        let raw = numeric_bytes(2, 0, 0, &[3, 5000]);
        assert_eq!(numeric(&raw).ok(), Some(Value::Real(3.5)));
    }
}
