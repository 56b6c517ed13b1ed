package org.safepassage.letters.importing;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;

import org.apache.commons.csv.CSVParser;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.PGCopyOutputStream;
import org.safepassage.letters.importing.PostcodeFile.Link;
import org.safepassage.letters.store.LettersQueries;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads a postcode file in one transaction: its rows stream through {@code COPY} into a
 * temporary table, then a new postcode table is built from the old one and the file, set
 * by set, indexed once, and swapped in. A bad row found on the way rolls it all back.
 */
@Component
class PostcodeLoad {

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final Clock clock;

	PostcodeLoad(DataSource dataSource, JdbcClient jdbc, Clock clock) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Thrown to roll back an import whose file turned out to have bad rows. */
	static class Refused extends RuntimeException {

		Refused() {
			super("The file has bad rows; nothing was imported", null, false, false);
		}

	}

	@Transactional
	PostcodeFile.Counts load(PostcodeFile file, CSVParser parser, Problems problems, String by)
			throws IOException, SQLException {
		jdbc.sql(LettersQueries.POSTCODE_IMPORT_LOCK).query().listOfRows();
		LettersQueries.POSTCODE_IMPORT_MEMORY.forEach(setting -> jdbc.sql(setting).update());
		jdbc.sql(LettersQueries.CREATE_POSTCODE_STAGING).update();
		PostcodeFile.Counts counts = copy(file, parser, problems);
		if (problems.any()) {
			throw new Refused();
		}
		jdbc.sql(LettersQueries.ANALYZE_POSTCODE_STAGING).update();
		jdbc.sql(LettersQueries.ADD_STAGED_AREAS).update();
		jdbc.sql(LettersQueries.SET_STAGED_PARENTS).update();
		jdbc.sql(LettersQueries.CREATE_NEXT_POSTCODES).update();
		jdbc.sql(LettersQueries.KEEP_UNSTAGED_POSTCODES).update();
		jdbc.sql(LettersQueries.ADD_STAGED_POSTCODES).update();
		for (String statement : LettersQueries.SWAP_POSTCODES) {
			jdbc.sql(statement).update();
		}
		jdbc.sql(LettersQueries.MARK_DIRECTORY_UPDATED)
			.param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
			.param("by", by)
			.update();
		return counts;
	}

	private PostcodeFile.Counts copy(PostcodeFile file, CSVParser parser, Problems problems)
			throws IOException, SQLException {
		Connection connection = DataSourceUtils.getConnection(dataSource);
		CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(LettersQueries.COPY_POSTCODE_STAGING);
		try (Writer out = new BufferedWriter(
				new OutputStreamWriter(new PGCopyOutputStream(copy), StandardCharsets.UTF_8), 1 << 16)) {
			return file.read(parser, problems, (postcode, links) -> write(out, postcode, links));
		}
		finally {
			if (copy.isActive()) {
				copy.cancelCopy();
			}
		}
	}

	/**
	 * COPY's text format; postcodes and codes were checked to hold no tab, newline or
	 * backslash.
	 */
	private static void write(Writer out, String postcode, List<Link> links) throws IOException {
		for (Link link : links) {
			out.write(postcode);
			out.write('\t');
			out.write(link.body());
			out.write('\t');
			out.write(link.area() == null ? "\\N" : link.area());
			out.write('\t');
			out.write(link.parent() == null ? "\\N" : link.parent());
			out.write('\n');
		}
	}

}
