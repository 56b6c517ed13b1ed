package org.safepassage.letters.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.safepassage.letters.store.LettersQueries;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Who represents a postcode: the lookup supporters start a letter with, and the check
 * that a constituent writes only to their own representative.
 */
@Service
public class Directory {

	private final JdbcClient jdbc;

	private final Clock clock;

	Directory(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public List<Body> bodies() {
		return jdbc.sql(LettersQueries.BODIES).query(Body.class).list();
	}

	/** Whether the directory knows this postcode at all (typed as people type it). */
	public boolean knows(String postcode) {
		return Postcodes.key(postcode)
			.map(key -> jdbc.sql(LettersQueries.POSTCODE_KNOWN).param("postcode", key).query(Boolean.class).single())
			.orElse(false);
	}

	/**
	 * The representatives serving today for the postcode in the given bodies, by body,
	 * constituency before region; empty for an unknown postcode.
	 */
	public List<Representative> forPostcode(String postcode, Collection<String> bodyCodes) {
		Optional<String> key = Postcodes.key(postcode);
		if (key.isEmpty() || bodyCodes.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(LettersQueries.REPRESENTATIVES_FOR_POSTCODE)
			.param("postcode", key.get())
			.param("bodies", bodyCodes.toArray(String[]::new))
			.param("day", LocalDate.now(clock))
			.query(Directory::representative)
			.list();
	}

	public Optional<Representative> find(long id) {
		return jdbc.sql(LettersQueries.REPRESENTATIVE).param("id", id).query(Directory::representative).optional();
	}

	/** Whether the representative answers for this postcode today (constituents only). */
	public boolean represents(long representativeId, String postcode) {
		Optional<Representative> representative = find(representativeId);
		return representative.isPresent() && forPostcode(postcode, List.of(representative.get().bodyCode())).stream()
			.anyMatch(r -> r.id() == representativeId);
	}

	public boolean isEmpty() {
		return jdbc.sql(LettersQueries.REPRESENTATIVE_COUNT).query(Long.class).single() == 0;
	}

	/**
	 * The date staff set for the directory to be imported again by, once it has passed
	 * without an import since: pages that use the directory warn that it may be out of
	 * date. Empty while the directory is current.
	 */
	public Optional<LocalDate> staleSince() {
		return jdbc.sql(LettersQueries.STALE_SINCE)
			.param("today", LocalDate.now(clock))
			.query(LocalDate.class)
			.optional();
	}

	private static Representative representative(ResultSet rs, int row) throws SQLException {
		return new Representative(rs.getLong("id"), rs.getString("body_code"), rs.getString("body_name"),
				rs.getString("area_code"), rs.getString("area_name"), rs.getString("name"), rs.getString("party"),
				rs.getString("email"), rs.getString("postal_address"), rs.getObject("valid_from", LocalDate.class),
				rs.getObject("valid_to", LocalDate.class), rs.getBoolean("demo"));
	}

}
