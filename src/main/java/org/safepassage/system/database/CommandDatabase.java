package org.safepassage.system.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * A database session for the jar's operator commands ({@code sealing status} and the
 * like): the external database of {@code spring.datasource.*} when one is set; else the
 * embedded PostgreSQL already running on the data directory; else one started on the data
 * directory for the command, with durable settings, and stopped after it.
 */
public final class CommandDatabase implements AutoCloseable {

	private final Connection connection;

	private final EmbeddedPostgres startedHere;

	private CommandDatabase(Connection connection, EmbeddedPostgres startedHere) {
		this.connection = connection;
		this.startedHere = startedHere;
	}

	/**
	 * A session on the application's database, as the settings in {@code env} name it.
	 */
	public static CommandDatabase open(Environment env, Path dataDir) throws IOException, SQLException {
		String url = env.getProperty("spring.datasource.url");
		if (StringUtils.hasText(url)) {
			return new CommandDatabase(DriverManager.getConnection(url, env.getProperty("spring.datasource.username"),
					env.getProperty("spring.datasource.password")), null);
		}
		if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
			throw new IOException("There is no database in " + dataDir + " (SAFEPASSAGE_DATA_DIR, or --data-dir).");
		}
		Optional<Integer> port = runningServerPort(dataDir);
		if (port.isPresent()) {
			return new CommandDatabase(DriverManager
				.getConnection("jdbc:postgresql://localhost:" + port.get() + "/postgres", "postgres", ""), null);
		}
		// zonky's defaults turn fsync off; this is the real data directory
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(dataDir)
			.setCleanDataDirectory(false)
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("full_page_writes", "on")
			.start();
		try {
			return new CommandDatabase(postgres.getPostgresDatabase().getConnection(), postgres);
		}
		catch (SQLException ex) {
			postgres.close();
			throw ex;
		}
	}

	/** The port of the PostgreSQL running on {@code dataDir}, from its postmaster.pid. */
	public static Optional<Integer> runningServerPort(Path dataDir) throws IOException {
		Path pidFile = dataDir.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return Optional.empty();
		}
		List<String> lines = Files.readAllLines(pidFile);
		if (lines.size() < 4 || ProcessHandle.of(Long.parseLong(lines.getFirst().trim())).isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(Integer.parseInt(lines.get(3).trim()));
	}

	public Connection connection() {
		return this.connection;
	}

	@Override
	public void close() throws IOException, SQLException {
		try {
			this.connection.close();
		}
		finally {
			if (this.startedHere != null) {
				this.startedHere.close();
			}
		}
	}

}
