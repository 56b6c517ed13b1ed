package org.safepassage.system.sealing;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import com.google.crypto.tink.KeysetHandle;
import org.safepassage.system.SafePassageProperties;
import org.safepassage.system.database.CommandArguments;
import org.safepassage.system.database.CommandDatabase;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * {@code java -jar safepassage.jar sealing rotate|status|retire-old-keys}: rotating the
 * key-encryption key without downtime (docs/operations.md, "The sealing key"). The key is
 * the one the application would use: {@code --key-file}, else
 * {@code SAFEPASSAGE_SEALING_KEY}, else the key file beside the data directory.
 */
public final class SealingCommand {

	private static final String USAGE = """
			Usage:
			  java -jar safepassage.jar sealing rotate [--key-file FILE] [--print-env]
			  java -jar safepassage.jar sealing status [--key-file FILE] [--data-dir DIR]
			  java -jar safepassage.jar sealing retire-old-keys [--key-file FILE] [--data-dir DIR] [--print-env]
			Defaults come from the settings (SAFEPASSAGE_SEALING_KEY, SAFEPASSAGE_SEALING_KEYFILE,
			SAFEPASSAGE_DATA_DIR); see docs/operations.md, "The sealing key".""";

	private SealingCommand() {
	}

	/** Whether the arguments ask for this command rather than the application. */
	public static boolean handles(String[] args) {
		return args.length > 0 && args[0].equals("sealing");
	}

	/** Runs the command; returns the process exit code (0 done, 1 refused, 2 usage). */
	public static int run(String[] args, PrintStream out) {
		CommandArguments arguments = CommandArguments.parse(args, Set.of("print-env"));
		Map<String, String> options = arguments.options();
		List<String> positional = arguments.positional();
		if (positional.size() != 1 || !List.of("rotate", "status", "retire-old-keys").contains(positional.getFirst())
				|| !List.of("key-file", "data-dir", "print-env").containsAll(options.keySet())) {
			out.println(USAGE);
			return 2;
		}
		try (ConfigurableApplicationContext settings = new SpringApplicationBuilder(Settings.class)
			.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.run()) {
			SealingProperties properties = settings.getBean(SealingProperties.class);
			Path dataDir = Optional.ofNullable(options.get("data-dir"))
				.map(Path::of)
				.orElse(settings.getBean(SafePassageProperties.class).embeddedDb().dataDir())
				.toAbsolutePath()
				.normalize();
			KeySource source = KeySource.of(options.get("key-file"), properties, dataDir);
			Operation operation = new Operation(source, out, options.containsKey("print-env"));
			return switch (positional.getFirst()) {
				case "rotate" -> operation.rotate();
				case "status" -> operation.status(() -> CommandDatabase.open(settings.getEnvironment(), dataDir));
				default -> operation.retire(() -> CommandDatabase.open(settings.getEnvironment(), dataDir));
			};
		}
		catch (SealingKeyRefused ex) {
			out.println(ex.getMessage());
			return 1;
		}
		catch (IOException | SQLException | GeneralSecurityException ex) {
			out.println("sealing " + positional.getFirst() + " failed: " + ex.getMessage());
			return 1;
		}
	}

	/** Where the key comes from: a file the command may rewrite, or the environment. */
	record KeySource(Path file, String environmentValue) {

		static KeySource of(String keyFileOption, SealingProperties properties, Path dataDir) {
			if (keyFileOption != null) {
				return new KeySource(Path.of(keyFileOption).toAbsolutePath().normalize(), null);
			}
			if (properties.key() != null && !properties.key().isBlank()) {
				return new KeySource(null, properties.key());
			}
			return new KeySource(properties.keyFile(dataDir), null);
		}

		KeyEncryptionKey load() {
			KeyEncryptionKey key = KeyEncryptionKey.load(this.environmentValue, this.file);
			if (key == null) {
				throw new SealingKeyRefused("There is no sealing key at " + this.file
						+ " (give --key-file, or set SAFEPASSAGE_SEALING_KEY).");
			}
			return key;
		}

		boolean fromEnvironment() {
			return this.file == null;
		}

	}

	interface DatabaseOpener {

		CommandDatabase open() throws IOException, SQLException;

	}

	/** The three operations, on a key source and an output. */
	record Operation(KeySource source, PrintStream out, boolean printEnvironmentValue) {

		int rotate() throws IOException, GeneralSecurityException {
			KeyEncryptionKey key = this.source.load();
			KeysetHandle rotated = key.rotated();
			long primary = Integer.toUnsignedLong(rotated.getPrimary().getId());
			save(rotated, "Added key " + primary + " as the primary sealing key; the older keys " + key.keyIds()
					+ " stay, so everything they wrapped still opens.");
			this.out.println("Next: restart every SafePassage instance with the new key. Each re-wraps the data keys"
					+ " in the background; \"sealing status\" shows how many are left, and when none is,"
					+ " \"sealing retire-old-keys\" removes the old keys. Keep a copy of the new key now"
					+ " (docs/operations.md).");
			return 0;
		}

		int status(DatabaseOpener opener) throws IOException, SQLException {
			KeyEncryptionKey key = this.source.load();
			State state = State.read(opener, key);
			this.out.println("Sealing key from " + key.origin() + ": keys " + key.keyIds() + ", primary "
					+ key.primaryId() + ".");
			state.dataKeysByKek()
				.forEach((kek, count) -> this.out
					.println("  " + count + " data keys wrapped by key " + kek + ((kek == key.primaryId())
							? " (primary)" : key.keyIds().contains(kek) ? " (older key)" : " (NOT in this keyset)")));
			this.out.println(state.stale() + " data keys still wrapped by an old key.");
			if (!state.checkedByPrimary()) {
				this.out.println("SafePassage has not started with this primary key yet: restart it with the key.");
			}
			else if (state.stale() == 0 && key.keyIds().size() > 1) {
				this.out.println("The old keys may be retired: sealing retire-old-keys.");
			}
			return 0;
		}

		int retire(DatabaseOpener opener) throws IOException, SQLException, GeneralSecurityException {
			KeyEncryptionKey key = this.source.load();
			if (key.keyIds().size() == 1) {
				this.out
					.println("The sealing key has only its primary key " + key.primaryId() + "; nothing to retire.");
				return 0;
			}
			State state = State.read(opener, key);
			if (!state.checkedByPrimary()) {
				this.out.println("Refused: SafePassage has not started with the primary key " + key.primaryId()
						+ " yet, so it may still wrap new data keys with an old one. Restart every instance with"
						+ " the rotated key, wait for \"sealing status\" to show 0, then retire.");
				return 1;
			}
			if (state.stale() > 0) {
				this.out.println("Refused: " + state.stale() + " data keys are still wrapped by an old key; what they"
						+ " protect would be lost. Wait for the re-wrap job (\"sealing status\") and try again.");
				return 1;
			}
			save(key.primaryOnly(), "Retired the old keys; the sealing key now holds only key " + key.primaryId()
					+ ". Backups of the old key file no longer matter to the current database.");
			return 0;
		}

		private void save(KeysetHandle keyset, String done) throws IOException, GeneralSecurityException {
			if (this.source.fromEnvironment()) {
				this.out.println(done);
				this.out.println("The key came from SAFEPASSAGE_SEALING_KEY: replace its value with the line below"
						+ " wherever it is set, then restart.");
				this.out.println(KeyEncryptionKey.environmentValue(keyset));
				return;
			}
			Path file = this.source.file();
			if (!Files.exists(file)) {
				throw new SealingKeyRefused("There is no sealing key at " + file + ".");
			}
			KeyEncryptionKey.write(keyset, file);
			this.out.println(done + " Written to " + file + ".");
			if (this.printEnvironmentValue) {
				this.out.println("SAFEPASSAGE_SEALING_KEY value:");
				this.out.println(KeyEncryptionKey.environmentValue(keyset));
			}
		}

	}

	/** What the database says about its data keys and its key check. */
	record State(Map<Long, Long> dataKeysByKek, long stale, boolean checkedByPrimary) {

		static State read(DatabaseOpener opener, KeyEncryptionKey key) throws IOException, SQLException {
			try (CommandDatabase database = opener.open()) {
				JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(database.connection(), true));
				Map<Long, Long> byKek = new TreeMap<>();
				jdbc.sql(SealingQueries.DATA_KEYS_BY_KEK)
					.query((rs, n) -> Map.entry(rs.getLong("kek_key_id"), rs.getLong("data_keys")))
					.list()
					.forEach(entry -> byKek.put(entry.getKey(), entry.getValue()));
				long stale = byKek.entrySet()
					.stream()
					.filter(entry -> entry.getKey() != key.primaryId())
					.mapToLong(Map.Entry::getValue)
					.sum();
				List<Long> checkedBy = jdbc.sql(SealingQueries.KEY_CHECK)
					.query((rs, n) -> rs.getLong("kek_key_id"))
					.list();
				return new State(byKek, stale, checkedBy.contains(key.primaryId()));
			}
		}

	}

	/** Only the settings are needed: no web server, database pool or jobs. */
	@EnableConfigurationProperties({ SealingProperties.class, SafePassageProperties.class })
	static class Settings {

	}

}
