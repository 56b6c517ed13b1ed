package org.safepassage.evidence.csv;

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

	private final JdbcClient jdbc;

	ImportUploads(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record Upload(long id, String fileName, String content) {
	}

	public long save(String fileName, String content, String uploadedBy) {
		jdbc.sql(EvidenceQueries.DELETE_OLD_IMPORTS).update();
		return jdbc.sql(EvidenceQueries.INSERT_IMPORT)
			.param("fileName", fileName)
			.param("content", content)
			.param("uploadedBy", uploadedBy)
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
