package org.safepassage.booklets.domain;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.safepassage.booklets.store.BookletQueries;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Booklets as staff write them, and their covers. */
@Repository
public class BookletRepository {

	private final JdbcClient jdbc;

	private final Clock clock;

	BookletRepository(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * A cover as stored: re-encoded bytes, their media type, and when it last changed.
	 */
	public record Cover(byte[] bytes, String mediaType, Instant changedAt) {
	}

	public Optional<Booklet> find(long id) {
		return jdbc.sql(BookletQueries.BOOKLET).param("id", id).query(BookletRepository::map).optional();
	}

	public List<Booklet> all() {
		return jdbc.sql(BookletQueries.ALL_BOOKLETS).query(BookletRepository::map).list();
	}

	public List<Booklet> published() {
		return jdbc.sql(BookletQueries.PUBLISHED_BOOKLETS).query(BookletRepository::map).list();
	}

	public boolean isEmpty() {
		return !jdbc.sql(BookletQueries.ANY_BOOKLET).query(Boolean.class).single();
	}

	@Transactional
	public long create(BookletContent content, int stock, Optional<Cover> cover, String createdBy, boolean demo) {
		return jdbc.sql(BookletQueries.INSERT_BOOKLET)
			.param("title", content.title())
			.param("description", content.description())
			.param("languages", content.languages().toArray(String[]::new))
			.param("countries", content.countries().toArray(String[]::new))
			.param("perOrderLimit", content.perOrderLimit())
			.param("stock", stock)
			.param("cover", cover.map(Cover::bytes).orElse(null))
			.param("coverType", cover.map(Cover::mediaType).orElse(null))
			.param("demo", demo)
			.param("createdBy", createdBy)
			.param("now", Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
	}

	@Transactional
	public void revise(long id, BookletContent content) {
		jdbc.sql(BookletQueries.UPDATE_CONTENT)
			.param("id", id)
			.param("title", content.title())
			.param("description", content.description())
			.param("languages", content.languages().toArray(String[]::new))
			.param("countries", content.countries().toArray(String[]::new))
			.param("perOrderLimit", content.perOrderLimit())
			.param("now", Timestamp.from(clock.instant()))
			.update();
	}

	@Transactional
	public void replaceCover(long id, Cover cover) {
		jdbc.sql(BookletQueries.UPDATE_COVER)
			.param("id", id)
			.param("cover", cover.bytes())
			.param("coverType", cover.mediaType())
			.param("now", Timestamp.from(clock.instant()))
			.update();
	}

	/** Stores a state the aggregate moved to ({@link Booklet#publish()} ...). */
	@Transactional
	public void saveState(Booklet booklet) {
		jdbc.sql(BookletQueries.UPDATE_STATE)
			.param("id", booklet.id())
			.param("state", booklet.state().name())
			.param("now", Timestamp.from(clock.instant()))
			.update();
	}

	/** Adds copies (or takes them away with a negative change), never below zero. */
	@Transactional
	public void adjustStock(long id, int change) {
		jdbc.sql(BookletQueries.ADJUST_STOCK)
			.param("id", id)
			.param("change", change)
			.param("now", Timestamp.from(clock.instant()))
			.update();
	}

	public Optional<Cover> cover(long id) {
		return jdbc.sql(BookletQueries.COVER)
			.param("id", id)
			.query((rs, n) -> new Cover(rs.getBytes("cover"), rs.getString("cover_type"),
					rs.getTimestamp("updated_at").toInstant()))
			.optional();
	}

	private static Booklet map(ResultSet rs, int n) throws SQLException {
		BookletContent content = new BookletContent(rs.getString("title"), rs.getString("description"),
				strings(rs.getArray("languages")), strings(rs.getArray("countries")), rs.getInt("per_order_limit"));
		return new Booklet(rs.getLong("id"), content, BookletState.valueOf(rs.getString("state")), rs.getInt("stock"),
				rs.getBoolean("has_cover"));
	}

	private static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

}
