package org.safepassage.booklets.fulfilment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.safepassage.booklets.domain.BookletsProperties;
import org.safepassage.booklets.store.BookletQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What we keep of an order, and for how long: an order never confirmed is deleted when
 * its link expires; the name, postal address, email (and its hash) and link of an order
 * are removed {@code keep-details-for} after it was dispatched or cancelled. The row
 * stays with its booklet, country, language, quantity and dates, so the counts per
 * booklet and country survive. Confirmed orders not yet dispatched keep their details:
 * they are needed to post them.
 */
@Service
public class Retention {

	private static final Logger log = LoggerFactory.getLogger(Retention.class);

	private final JdbcClient jdbc;

	private final BookletsProperties properties;

	private final Clock clock;

	Retention(JdbcClient jdbc, BookletsProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	/** What one run removed. */
	public record Removed(int unconfirmedOrders, int ordersWithDetails) {
	}

	@Transactional
	public Removed run() {
		Instant now = clock.instant();
		int expired = jdbc.sql(BookletQueries.DELETE_EXPIRED_UNCONFIRMED).param("now", Timestamp.from(now)).update();
		int scrubbed = jdbc.sql(BookletQueries.REMOVE_DETAILS)
			.param("now", Timestamp.from(now))
			.param("before", Timestamp.from(now.minus(properties.keepDetailsFor())))
			.update();
		if (expired + scrubbed > 0) {
			log.info("Booklet orders: deleted {} never confirmed, removed the details of {} sent or cancelled", expired,
					scrubbed);
		}
		return new Removed(expired, scrubbed);
	}

}
