package org.safepassage.system.backup;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.safepassage.system.SafePassageProperties;
import org.safepassage.system.database.CommandArguments;
import org.safepassage.system.database.CommandDatabase;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.modulith.NamedInterface;
import org.springframework.util.StringUtils;

/**
 * {@code java -jar safepassage.jar backup [--to DIR] [--data-dir DIR] [--key FILE]} and
 * {@code ... restore FILE [--data-dir DIR] [--key FILE] [--force]}: the application's
 * settings (environment variables, as for a normal start) without its web server or jobs.
 * A backup is taken from the running server when SafePassage is up, or from a PostgreSQL
 * started on the data directory for the purpose when it is not.
 */
@NamedInterface("backup")
public final class BackupCommand {

	private static final String USAGE = """
			Usage:
			  java -jar safepassage.jar backup [--to DIR] [--data-dir DIR] [--key FILE]
			  java -jar safepassage.jar restore FILE [--data-dir DIR] [--key FILE] [--force]
			Defaults come from the settings (SAFEPASSAGE_DATA_DIR, SAFEPASSAGE_BACKUP_DIRECTORY,
			SAFEPASSAGE_BACKUP_KEYFILE); see docs/operations.md.""";

	private BackupCommand() {
	}

	/** Whether the arguments ask for a command rather than the application. */
	public static boolean handles(String[] args) {
		return args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"));
	}

	/** Runs the command; returns the process exit code. */
	public static int run(String[] args, PrintStream out) {
		CommandArguments arguments = CommandArguments.parse(args, Set.of("force"));
		Map<String, String> options = arguments.options();
		List<String> positional = arguments.positional();
		boolean backup = args[0].equals("backup");
		if ((backup && !positional.isEmpty()) || (!backup && positional.size() != 1)
				|| !List.of("to", "data-dir", "key", "force").containsAll(options.keySet())) {
			out.println(USAGE);
			return 2;
		}
		try (ConfigurableApplicationContext settings = new SpringApplicationBuilder(Settings.class)
			.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.run()) {
			BackupProperties properties = settings.getBean(BackupProperties.class);
			if (StringUtils.hasText(settings.getEnvironment().getProperty("spring.datasource.url"))) {
				out.println("An external database (spring.datasource.url) is backed up with PostgreSQL's own"
						+ " pg_dump or pg_basebackup of its version; see docs/operations.md.");
				return 1;
			}
			Path dataDir = Optional.ofNullable(options.get("data-dir"))
				.map(Path::of)
				.orElse(settings.getBean(SafePassageProperties.class).embeddedDb().dataDir())
				.toAbsolutePath()
				.normalize();
			Path keyFile = Optional.ofNullable(options.get("key")).map(Path::of).orElse(properties.keyFile(dataDir));
			Backups backups = new Backups(dataDir, keyFile, properties.keep(), Clock.systemUTC());
			if (backup) {
				Path directory = Optional.ofNullable(options.get("to")).map(Path::of).orElse(properties.directory());
				out.println("Backup written: " + backUp(backups, dataDir, directory));
				out.println("It is encrypted with " + keyFile + ", which is not inside it: keep a copy elsewhere.");
			}
			else {
				backups.restore(Path.of(positional.getFirst()), dataDir, options.containsKey("force"));
				out.println("Restored into " + dataDir + ". Start SafePassage with SAFEPASSAGE_DATA_DIR=" + dataDir);
			}
			return 0;
		}
		catch (BackupRefused ex) {
			out.println(ex.getMessage());
			return 1;
		}
		catch (IOException | SQLException ex) {
			out.println(args[0] + " failed: " + ex);
			return 1;
		}
	}

	private static Path backUp(Backups backups, Path dataDir, Path directory) throws IOException, SQLException {
		if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
			throw new BackupRefused("There is no database in " + dataDir + " (SAFEPASSAGE_DATA_DIR, or --data-dir).");
		}
		Optional<Integer> runningPort = CommandDatabase.runningServerPort(dataDir);
		if (runningPort.isPresent()) {
			String url = "jdbc:postgresql://localhost:" + runningPort.get() + "/postgres";
			return backups.backUp(() -> DriverManager.getConnection(url, "postgres", ""), directory);
		}
		// zonky's defaults turn fsync off; this is the real data directory
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(dataDir)
			.setCleanDataDirectory(false)
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("full_page_writes", "on")
			.start()) {
			return backups.backUp(() -> {
				Connection connection = postgres.getPostgresDatabase().getConnection();
				connection.setAutoCommit(true);
				return connection;
			}, directory);
		}
	}

	/** Only the settings are needed: no web server, database pool or jobs. */
	@EnableConfigurationProperties({ BackupProperties.class, SafePassageProperties.class })
	static class Settings {

	}

}
