package org.safepassage.evidence.csv;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.safepassage.evidence.store.EvidenceQueries;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * CSV files checked in a dry run, kept for a day so the researcher can import without
 * uploading again.
 */
@Repository
public class ImportUploads {

	/** How long a checked upload waits to be imported. */
	static final Duration KEPT = Duration.ofDays(1);

	private final JdbcClient jdbc;

	private final Clock clock;

	ImportUploads(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public record Upload(long id, String fileName, String content) {
	}

	public long save(String fileName, String content, String uploadedBy) {
		Instant now = clock.instant();
		jdbc.sql(EvidenceQueries.DELETE_OLD_IMPORTS).param("keptSince", EvidenceQueries.at(now.minus(KEPT))).update();
		return jdbc.sql(EvidenceQueries.INSERT_IMPORT)
			.param("fileName", fileName)
			.param("content", content)
			.param("uploadedBy", uploadedBy)
			.param("now", EvidenceQueries.at(now))
			.query(Long.class)
			.single();
	}

	public Optional<Upload> find(long id) {
		return jdbc.sql(EvidenceQueries.FIND_IMPORT).param("id", id).query(Upload.class).optional();
	}

	/** False when another request imported it meanwhile. */
	public boolean delete(long id) {
		return jdbc.sql(EvidenceQueries.DELETE_IMPORT).param("id", id).update() == 1;
	}

}
