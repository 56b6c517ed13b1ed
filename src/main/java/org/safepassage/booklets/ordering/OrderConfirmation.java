package org.safepassage.booklets.ordering;

import java.nio.ByteBuffer;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

import org.safepassage.booklets.domain.Booklet;
import org.safepassage.booklets.domain.BookletRepository;
import org.safepassage.booklets.domain.BookletsProperties;
import org.safepassage.booklets.store.BookletQueries;
import org.safepassage.shared.Tokens;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mailed link that turns an order into one we post. Its page (GET) only shows the
 * order, since mail scanners open links; pressing the button (POST) confirms, once. Only
 * then are the copies taken from the stock, in one statement that never takes it below
 * zero; when too few are left the order stays unconfirmed and the person is told.
 */
@Service
public class OrderConfirmation {

	private final JdbcClient jdbc;

	private final BookletRepository booklets;

	private final BookletsProperties properties;

	private final Clock clock;

	OrderConfirmation(JdbcClient jdbc, BookletRepository booklets, BookletsProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.booklets = booklets;
		this.properties = properties;
		this.clock = clock;
	}

	public enum LinkStatus {

		/** Waiting for the button. */
		VALID,
		/** Confirmed by this request. */
		JUST_CONFIRMED,
		/** Confirmed before (or sent). */
		CONFIRMED,
		/** Cancelled by staff. */
		CANCELLED,
		/** Too few copies left to confirm it now. */
		OUT_OF_STOCK,
		/** The same mailbox has a confirmed order of this booklet within the window. */
		DUPLICATE,
		/** Staff took the booklet off the site. */
		WITHDRAWN, EXPIRED, UNKNOWN

	}

	/** What a link leads to; {@code earlierOrder} only for a duplicate. */
	public record Link(LinkStatus status, Long bookletId, String title, int quantity, String language,
			LocalDate earlierOrder) {

		static Link unknown() {
			return new Link(LinkStatus.UNKNOWN, null, null, 0, null, null);
		}

		Link as(LinkStatus other) {
			return new Link(other, bookletId, title, quantity, language, earlierOrder);
		}

	}

	/** What the link leads to, changing nothing. */
	@Transactional(readOnly = true)
	public Link inspect(String token) {
		if (!Tokens.looksValid(token)) {
			return Link.unknown();
		}
		Instant now = clock.instant();
		return jdbc.sql(BookletQueries.ORDER_BY_TOKEN).param("tokenHash", Tokens.hash(token)).query((rs, n) -> {
			LinkStatus status = switch (rs.getString("status")) {
				case "UNCONFIRMED" -> rs.getTimestamp("token_expires_at").toInstant().isAfter(now) ? LinkStatus.VALID
						: LinkStatus.EXPIRED;
				case "CANCELLED" -> LinkStatus.CANCELLED;
				default -> LinkStatus.CONFIRMED;
			};
			return new Link(status, rs.getLong("booklet_id"), rs.getString("title"), rs.getInt("quantity"),
					rs.getString("language"), null);
		}).optional().orElseGet(Link::unknown);
	}

	/**
	 * Confirms once and takes the copies from the stock; a second POST changes nothing.
	 */
	@Transactional
	public Link confirm(String token) {
		if (!Tokens.looksValid(token)) {
			return Link.unknown();
		}
		Instant now = clock.instant();
		record Pending(long id, long bookletId, int quantity, byte[] mailbox) {
		}
		Optional<Pending> found = jdbc.sql(BookletQueries.LOCK_UNCONFIRMED)
			.param("tokenHash", Tokens.hash(token))
			.param("now", Timestamp.from(now))
			.query((rs, n) -> new Pending(rs.getLong("id"), rs.getLong("booklet_id"), rs.getInt("quantity"),
					rs.getBytes("mailbox_hash")))
			.optional();
		Link link = inspect(token);
		if (found.isEmpty()) {
			return link;
		}
		Pending order = found.get();
		Optional<Booklet> booklet = booklets.find(order.bookletId());
		if (booklet.isEmpty() || !booklet.get().isPublished()) {
			return link.as(LinkStatus.WITHDRAWN);
		}
		// Two orders of one mailbox confirmed at once would otherwise both pass the
		// check.
		jdbc.sql(BookletQueries.LOCK_MAILBOX)
			.param("bookletKey", Long.hashCode(order.bookletId()))
			.param("mailboxKey", ByteBuffer.wrap(order.mailbox()).getInt())
			.query(Object.class)
			.list();
		Optional<Instant> earlier = jdbc.sql(BookletQueries.CONFIRMED_SINCE)
			.param("mailboxHash", order.mailbox())
			.param("bookletId", order.bookletId())
			.param("since", Timestamp.from(now.minus(properties.duplicateWindow())))
			.query((rs, n) -> rs.getTimestamp(1).toInstant())
			.optional();
		if (earlier.isPresent()) {
			return new Link(LinkStatus.DUPLICATE, link.bookletId(), link.title(), link.quantity(), link.language(),
					LocalDate.ofInstant(earlier.get(), ZoneOffset.UTC));
		}
		boolean taken = jdbc.sql(BookletQueries.TAKE_STOCK)
			.param("id", order.bookletId())
			.param("quantity", order.quantity())
			.query(Integer.class)
			.optional()
			.isPresent();
		if (!taken) {
			return link.as(LinkStatus.OUT_OF_STOCK);
		}
		jdbc.sql(BookletQueries.CONFIRM_ORDER).param("id", order.id()).param("now", Timestamp.from(now)).update();
		return link.as(LinkStatus.JUST_CONFIRMED);
	}

}
