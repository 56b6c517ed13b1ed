package org.safepassage.booklets.fulfilment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;

import org.safepassage.booklets.store.BookletQueries;
import org.safepassage.shared.RuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff's side of orders: which confirmed orders wait to be posted, marking them
 * dispatched (one or many), cancelling one (its copies go back to the stock), and the
 * counts per country that stay after the details are removed.
 */
@Service
public class Fulfilment {

	/**
	 * The most orders one page or one export holds; filter by booklet or country for
	 * more.
	 */
	public static final int MAX_ROWS = 5000;

	private final JdbcClient jdbc;

	private final Clock clock;

	Fulfilment(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Which orders: all, or of one booklet, or to one country (ISO code). */
	public record Filter(Long bookletId, String country) {
	}

	public List<OrderToFulfil> toFulfil(Filter filter, int limit) {
		return filtered(BookletQueries.TO_FULFIL, filter).param("limit", Math.min(limit, MAX_ROWS))
			.query(Fulfilment::map)
			.list();
	}

	public long countToFulfil(Filter filter) {
		return filtered(BookletQueries.COUNT_TO_FULFIL, filter).query(Long.class).single();
	}

	/** The countries that have orders waiting, for the filter. */
	public List<String> countriesToFulfil() {
		return jdbc.sql(BookletQueries.COUNTRIES_TO_FULFIL).query(String.class).list();
	}

	/**
	 * Marks confirmed orders dispatched; others (already dispatched, cancelled, unknown)
	 * are left as they are.
	 * @return how many were marked
	 */
	@Transactional
	public int dispatch(Collection<Long> ids, String by) {
		if (ids.isEmpty()) {
			return 0;
		}
		return jdbc.sql(BookletQueries.DISPATCH)
			.param("ids", ids.toArray(Long[]::new))
			.param("now", Timestamp.from(clock.instant()))
			.param("by", by)
			.update();
	}

	/** Cancels a confirmed order and puts its copies back. */
	@Transactional
	public void cancel(long id, String by) {
		record Returned(long bookletId, int quantity) {
		}
		Returned returned = jdbc.sql(BookletQueries.CANCEL)
			.param("id", id)
			.param("now", Timestamp.from(clock.instant()))
			.param("by", by)
			.query((rs, n) -> new Returned(rs.getLong(1), rs.getInt(2)))
			.optional()
			.orElseThrow(() -> new RuleViolation("booklets.rule.cancelOnlyConfirmed",
					"Only a confirmed order not yet dispatched can be cancelled"));
		jdbc.sql(BookletQueries.RESTOCK)
			.param("id", returned.bookletId())
			.param("quantity", returned.quantity())
			.update();
	}

	/** Orders and copies of one booklet per country and status (confirmed or later). */
	public record Count(String country, String status, long orders, long copies) {
	}

	public List<Count> counts(long bookletId) {
		return jdbc.sql(BookletQueries.COUNTS)
			.param("bookletId", bookletId)
			.query((rs, n) -> new Count(rs.getString("country"), rs.getString("status"), rs.getLong("orders"),
					rs.getLong("copies")))
			.list();
	}

	private StatementSpec filtered(String sql, Filter filter) {
		return jdbc.sql(sql).param("bookletId", filter.bookletId()).param("country", filter.country());
	}

	private static OrderToFulfil map(ResultSet rs, int n) throws SQLException {
		return new OrderToFulfil(rs.getLong("id"), rs.getLong("booklet_id"), rs.getString("title"),
				rs.getInt("quantity"), rs.getString("language"), rs.getString("country"), rs.getString("name"),
				rs.getString("address_line1"), rs.getString("address_line2"), rs.getString("town"),
				rs.getString("region"), rs.getString("postcode"), rs.getString("email"),
				rs.getTimestamp("confirmed_at").toInstant());
	}

}
