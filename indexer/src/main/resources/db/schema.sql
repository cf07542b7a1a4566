-- The website's tables (../shared/spec/CONTRACT.md section 1), column for column.
-- The website owns them; this copy creates them for tests, the demo and the benchmarks.
-- Secondary indexes (beyond the contract's keys) serve the indexer's set-based reads.
-- Statements are separated by ';' at the end of a line; the loader splits on that.

CREATE TABLE IF NOT EXISTS cities (
  id           BIGINT       NOT NULL PRIMARY KEY,
  name         VARCHAR(200) NOT NULL,
  ascii_name   VARCHAR(200) NOT NULL,
  country_code CHAR(2)      NOT NULL,
  latitude     DOUBLE       NOT NULL,
  longitude    DOUBLE       NOT NULL,
  population   INT          NOT NULL,
  timezone     VARCHAR(64)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS interests (
  id       INT          NOT NULL PRIMARY KEY,
  slug     VARCHAR(64)  NOT NULL,
  name     VARCHAR(100) NOT NULL,
  category VARCHAR(64)  NOT NULL,
  UNIQUE KEY uq_interests_slug (slug)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS members (
  id             BIGINT       NOT NULL PRIMARY KEY,
  display_name   VARCHAR(100) NOT NULL,
  headline       VARCHAR(200) NULL,
  bio            TEXT         NULL,
  occupation     VARCHAR(100) NULL,
  city_id        BIGINT       NOT NULL,
  origin_country CHAR(2)      NOT NULL,
  membership     ENUM('basic','premium') NOT NULL,
  searchable     BOOLEAN      NOT NULL,
  status         ENUM('active','deactivated','deleted') NOT NULL,
  has_photo      BOOLEAN      NOT NULL,
  last_active_at DATETIME(3)  NOT NULL,
  created_at     DATETIME(3)  NOT NULL,
  updated_at     DATETIME(3)  NOT NULL,
  version        BIGINT UNSIGNED NOT NULL,
  KEY ix_members_city (city_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS member_languages (
  member_id BIGINT  NOT NULL,
  language  CHAR(2) NOT NULL,
  level     ENUM('native','fluent','intermediate','basic') NOT NULL,
  PRIMARY KEY (member_id, language)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS member_interests (
  member_id   BIGINT NOT NULL,
  interest_id INT    NOT NULL,
  PRIMARY KEY (member_id, interest_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS member_contacts (
  member_id  BIGINT      NOT NULL,
  contact_id BIGINT      NOT NULL,
  created_at DATETIME(3) NOT NULL,
  PRIMARY KEY (member_id, contact_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS member_blocks (
  member_id  BIGINT      NOT NULL,
  blocked_id BIGINT      NOT NULL,
  created_at DATETIME(3) NOT NULL,
  PRIMARY KEY (member_id, blocked_id),
  KEY ix_member_blocks_blocked (blocked_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS events (
  id             BIGINT       NOT NULL PRIMARY KEY,
  title          VARCHAR(200) NOT NULL,
  description    TEXT         NULL,
  city_id        BIGINT       NOT NULL,
  venue_name     VARCHAR(200) NULL,
  latitude       DOUBLE       NULL,
  longitude      DOUBLE       NULL,
  starts_at      DATETIME     NOT NULL,
  ends_at        DATETIME     NOT NULL,
  language       CHAR(2)      NOT NULL,
  host_member_id BIGINT       NOT NULL,
  capacity       INT          NULL,
  status         ENUM('draft','published','cancelled') NOT NULL,
  created_at     DATETIME(3)  NOT NULL,
  updated_at     DATETIME(3)  NOT NULL,
  version        BIGINT UNSIGNED NOT NULL,
  KEY ix_events_city (city_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS event_interests (
  event_id    BIGINT NOT NULL,
  interest_id INT    NOT NULL,
  PRIMARY KEY (event_id, interest_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS event_attendees (
  event_id   BIGINT      NOT NULL,
  member_id  BIGINT      NOT NULL,
  status     ENUM('going','interested') NOT NULL,
  created_at DATETIME(3) NOT NULL,
  PRIMARY KEY (event_id, member_id),
  KEY ix_event_attendees_member (member_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
