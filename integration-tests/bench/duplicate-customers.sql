-- Used by duplicates-bench.mjs ({{CUSTOMERS}} is replaced): that many customers with a profile, an
-- address (people share a house now and then), an extra email (1 in 3) and an extra phone (2 in 5),
-- plus a second record of every 100th customer made later: a third of them share the email (in
-- capitals), a third the phone (national instead of international format), a third a similar name
-- ("Oli" for "Olivia") at the same address. Ids start with cus_dupbench (duplicates cus_dupbench_d).
CREATE TEMP TABLE bench_names AS
SELECT * FROM (VALUES
  (0, 'Olivia', 'Smith'), (1, 'Amelia', 'Jones'), (2, 'Isla', 'Taylor'), (3, 'Ava', 'Brown'), (4, 'Mia', 'Williams'),
  (5, 'Oliver', 'Wilson'), (6, 'George', 'Johnson'), (7, 'Harry', 'Davies'), (8, 'Noah', 'Robinson'), (9, 'Jack', 'Wright'),
  (10, 'Sophia', 'Thompson'), (11, 'Grace', 'Evans'), (12, 'Lily', 'Walker'), (13, 'Freya', 'White'), (14, 'Emily', 'Roberts'),
  (15, 'Leo', 'Green'), (16, 'Oscar', 'Hall'), (17, 'Charlie', 'Wood'), (18, 'Jacob', 'Jackson'), (19, 'Alfie', 'Clarke')
) AS n(i, first_name, last_name);
CREATE TEMP TABLE bench_streets AS
SELECT * FROM (VALUES (0, 'Larch Avenue'), (1, 'High Street'), (2, 'Station Road'), (3, 'Church Lane'), (4, 'Park Road'),
  (5, 'Victoria Road'), (6, 'Green Lane'), (7, 'Manor Road'), (8, 'Mill Lane'), (9, 'Kings Road')) AS s(i, street);

INSERT INTO customer (id, first_name, last_name, email, phone, has_account, created_at, updated_at)
SELECT 'cus_dupbench' || lpad(g::text, 8, '0'), f.first_name, l.last_name,
       lower(f.first_name) || '.' || lower(l.last_name) || g || '@example.com', '+44 7' || lpad(g::text, 9, '0'), g % 2 = 0,
       now() - interval '3 years' + g * interval '1 minute', now()
  FROM generate_series(1, {{CUSTOMERS}}) g
  JOIN bench_names f ON f.i = abs(hashtext('first' || g)) % 20
  JOIN bench_names l ON l.i = abs(hashtext('last' || g)) % 20;

-- The duplicates: a second record of customers 100, 200, … made later by someone else.
INSERT INTO customer (id, first_name, last_name, email, phone, has_account, created_at, updated_at)
SELECT 'cus_dupbench_d' || substr(id, 13),
       CASE WHEN g % 300 = 200 THEN left(first_name, 3) ELSE first_name END, last_name,
       CASE WHEN g % 300 = 0 THEN upper(email) ELSE lower(last_name) || '.' || g || '@example.org' END,
       CASE WHEN g % 300 = 100 THEN '07' || lpad(g::text, 9, '0') ELSE '+44 20 ' || lpad(g::text, 8, '0') END,
       false, now() - interval '1 day', now()
  FROM (SELECT id, substr(id, 13)::int AS g, first_name, last_name, email FROM customer WHERE id LIKE 'cus_dupbench%') AS base
 WHERE g % 100 = 0;

INSERT INTO customer_profile (id, tags)
SELECT 'cprof' || substr(id, 4), ARRAY['Bench'] FROM customer WHERE id LIKE 'cus_dupbench%';
INSERT INTO {{PROFILE_LINK_TABLE}} (id, customer_id, customer_profile_id)
SELECT 'custprof' || substr(id, 4), id, 'cprof' || substr(id, 4) FROM customer WHERE id LIKE 'cus_dupbench%';

-- Extra emails and phones (unique to each customer).
INSERT INTO customer_contact_method (id, kind, value, normalized, is_primary, profile_id)
SELECT 'cmeth_e' || substr(id, 4), 'email', lower(first_name) || substr(id, 13) || '@example.net', lower(first_name) || substr(id, 13) || '@example.net', true, 'cprof' || substr(id, 4)
  FROM customer WHERE id LIKE 'cus_dupbench%' AND hashtext(id) % 3 = 0;
INSERT INTO customer_contact_method (id, kind, value, normalized, is_primary, profile_id)
SELECT 'cmeth_p' || substr(id, 4), 'mobile', '+44 1' || lpad(abs(hashtext(id))::text, 10, '0'), '441' || lpad(abs(hashtext(id))::text, 10, '0'), true, 'cprof' || substr(id, 4)
  FROM customer WHERE id LIKE 'cus_dupbench%' AND hashtext(id) % 5 IN (1, 2);

-- One address each: households share (house number, street, postcode) now and then, as in life.
INSERT INTO customer_address (id, customer_id, address_name, address_1, city, postal_code, country_code, is_default_shipping)
SELECT 'cuaddr' || substr(c.id, 4), c.id, 'Home',
       (abs(hashtext('house' || g)) % 150 + 1) || ' ' || s.street, 'Bristol',
       'BS' || (g % 400) || ' ' || (g % 9) || 'AB', 'gb', true
  FROM (SELECT id, CASE WHEN id LIKE 'cus_dupbench_d%' THEN substr(id, 15)::int ELSE substr(id, 13)::int END AS g FROM customer WHERE id LIKE 'cus_dupbench%') c
  JOIN bench_streets s ON s.i = (c.g / 400) % 10
 WHERE c.id NOT LIKE 'cus_dupbench_d%' OR c.g % 300 = 200;
