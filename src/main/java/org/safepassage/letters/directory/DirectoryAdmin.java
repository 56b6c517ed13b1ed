package org.safepassage.letters.directory;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.safepassage.letters.store.LettersQueries;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What staff see of the directory and set on it: its size per body, when it was last
 * imported, the date after which it counts as out of date, and new bodies.
 */
@Service
public class DirectoryAdmin {

	private final JdbcClient jdbc;

	private final Clock clock;

	DirectoryAdmin(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Representatives serving today. */
	public record BodyCounts(String code, String name, long areas, long representatives, long postcodes) {
	}

	public record State(LocalDate refreshAfter, OffsetDateTime updatedAt, String updatedBy) {
	}

	public List<BodyCounts> counts() {
		return jdbc.sql(LettersQueries.BODY_COUNTS).param("day", LocalDate.now(clock)).query(BodyCounts.class).list();
	}

	public State state() {
		return jdbc.sql(LettersQueries.DIRECTORY_STATE).query(State.class).single();
	}

	/** Null: never out of date. */
	public void refreshAfter(LocalDate day) {
		jdbc.sql(LettersQueries.SET_REFRESH_AFTER).param("day", day).update();
	}

	/** False when a body with that code exists already. */
	public boolean addBody(String code, String name, int sortOrder) {
		return jdbc.sql(LettersQueries.ADD_BODY)
			.param("code", code)
			.param("name", name)
			.param("sortOrder", sortOrder)
			.update() == 1;
	}

}
