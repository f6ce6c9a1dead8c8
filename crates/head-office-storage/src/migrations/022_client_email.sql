-- A client's e-mail address, for the e-mail channel: master data from the firm's files, kept at
-- head office and not sent to desks (a broker contacts clients through the firm's channels).
ALTER TABLE clients ADD COLUMN email TEXT;
