-- Publishing a month's statements reads, for each broker, the trades of the clients they serve or
-- developed. Through the day index alone that was every trade of the month once per broker: a
-- firm of 20,000 brokers took most of an hour. These let each broker's read start from its clients.
CREATE INDEX IF NOT EXISTS clients_developing ON clients(developing_broker_id);
CREATE INDEX IF NOT EXISTS trades_client_day ON trades(client_id, traded_at);
