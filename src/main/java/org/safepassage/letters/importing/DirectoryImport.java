package org.safepassage.letters.importing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import jakarta.validation.Validator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.safepassage.letters.directory.Body;
import org.safepassage.letters.directory.Directory;
import org.safepassage.letters.importing.RepresentativeFile.Areas;
import org.safepassage.letters.store.LettersQueries;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Imports the representatives directory from CSV: postcode files (ONS Postcode Directory
 * columns, or our own) and files of areas and representatives (our own format,
 * TheyWorkForYou's MPs, Democracy Club's candidates). Each file is checked first in a dry
 * run that lists its bad rows by line and reason; an import checks it again as it goes
 * and writes nothing unless every row is good. Files are read as a stream, plain or
 * gzipped, so a postcode file of millions of rows never sits in memory.
 */
@Service
public class DirectoryImport {

	private final Validator validator;

	private final MessageSource messages;

	private final Directory directory;

	private final JdbcClient jdbc;

	private final PostcodeLoad postcodes;

	private final RepresentativeLoad representatives;

	private final DirectoryImportProperties properties;

	DirectoryImport(Validator validator, MessageSource messages, Directory directory, JdbcClient jdbc,
			PostcodeLoad postcodes, RepresentativeLoad representatives, DirectoryImportProperties properties) {
		this.validator = validator;
		this.messages = messages;
		this.directory = directory;
		this.jdbc = jdbc;
		this.postcodes = postcodes;
		this.representatives = representatives;
		this.properties = properties;
	}

	/** The dry run: reads the whole file, writes nothing. */
	public ImportCheck check(Path file, Locale locale) {
		return run(file, locale, null);
	}

	/** Imports the file if every row is good; otherwise writes nothing and says why. */
	public ImportCheck importFile(Path file, Locale locale, String by) {
		return run(file, locale, by);
	}

	private ImportCheck run(Path file, Locale locale, String importedBy) {
		Problems problems = new Problems(messages, locale, properties.listedProblems());
		try (CSVParser parser = CSVParser.parse(reader(file),
				CSVFormat.DEFAULT.builder()
					.setHeader()
					.setSkipHeaderRecord(true)
					.setIgnoreHeaderCase(true)
					.setIgnoreEmptyLines(true)
					.setTrim(true)
					.get())) {
			List<String> header = parser.getHeaderNames()
				.stream()
				.map(h -> h.strip().toLowerCase(Locale.ROOT))
				.toList();
			if (header.isEmpty()) {
				return refused(problems, "letters.import.empty");
			}
			Optional<FileKind> kind = FileKind.detect(header);
			if (kind.isEmpty()) {
				return refused(problems, "letters.import.unknownFormat", String.join(", ", header));
			}
			Set<String> bodies = new HashSet<>(directory.bodies().stream().map(Body::code).toList());
			if (kind.get().postcodes()) {
				return postcodes(kind.get(), header, bodies, parser, problems, importedBy);
			}
			if (Files.size(file) > properties.maxRepresentativeFile().toBytes()) {
				return refused(problems, "letters.import.tooLarge", properties.maxRepresentativeFile().toMegabytes());
			}
			return representatives(kind.get(), header, bodies, parser, problems, importedBy);
		}
		catch (CharacterCodingException e) {
			return refused(problems, "letters.import.notUtf8");
		}
		catch (UncheckedIOException e) {
			return refused(problems, e.getCause() instanceof CharacterCodingException ? "letters.import.notUtf8"
					: "letters.import.malformed");
		}
		catch (IOException | IllegalArgumentException | IllegalStateException e) {
			return refused(problems, "letters.import.malformed");
		}
	}

	private ImportCheck postcodes(FileKind kind, List<String> header, Set<String> bodies, CSVParser parser,
			Problems problems, String importedBy) throws IOException {
		Optional<PostcodeFile> file = PostcodeFile.of(kind, header, bodies, problems);
		if (file.isEmpty()) {
			return result(kind, new PostcodeFile.Counts(0, 0, 0), problems);
		}
		PostcodeFile.Counts counts;
		if (importedBy == null) {
			counts = file.get().read(parser, problems, null);
		}
		else {
			try {
				counts = postcodes.load(file.get(), parser, problems, importedBy);
			}
			catch (PostcodeLoad.Refused refused) {
				counts = new PostcodeFile.Counts(0, 0, 0);
			}
			catch (SQLException e) {
				throw new IllegalStateException("Postcode import failed", e);
			}
		}
		return result(kind, counts, problems);
	}

	private ImportCheck representatives(FileKind kind, List<String> header, Set<String> bodies, CSVParser parser,
			Problems problems, String importedBy) {
		RepresentativeFile file = new RepresentativeFile(kind, validator, bodies, areas(), problems);
		if (!file.headerFits(header)) {
			return result(kind, new PostcodeFile.Counts(0, 0, 0), problems);
		}
		RepresentativeFile.Plan plan = file.read(parser);
		if (plan.total() == 0) {
			problems.add(0, "", "letters.import.empty");
		}
		if (importedBy != null && !problems.any()) {
			representatives.load(plan, importedBy);
		}
		return new ImportCheck(kind, plan.total(), problems.any() ? 0 : plan.rows().size(), plan.skipped(),
				problems.listed(), problems.count());
	}

	private Areas areas() {
		Set<String> codes = new HashSet<>();
		Map<String, String> byName = new HashMap<>();
		jdbc.sql(LettersQueries.AREAS_FOR_IMPORT).query((rs, row) -> {
			codes.add(Areas.key(rs.getString("body_code"), rs.getString("code")));
			byName.putIfAbsent(Areas.key(rs.getString("body_code"), rs.getString("name")), rs.getString("code"));
			return null;
		}).list();
		return new Areas(codes, byName);
	}

	private static ImportCheck result(FileKind kind, PostcodeFile.Counts counts, Problems problems) {
		return new ImportCheck(kind, counts.rows(), problems.any() ? 0 : counts.postcodes(), counts.skipped(),
				problems.listed(), problems.count());
	}

	private static ImportCheck refused(Problems problems, String key, Object... args) {
		return ImportCheck.refused(new ImportProblem(0, "", problems.message(key, args)));
	}

	/** UTF-8, refusing anything else; gzip unpacked; a byte-order mark skipped. */
	private static Reader reader(Path file) throws IOException {
		InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
		in.mark(3);
		int first = in.read();
		int second = in.read();
		in.reset();
		if (first == 0x1f && second == 0x8b) {
			in = new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
		}
		in.mark(3);
		if (!(in.read() == 0xEF && in.read() == 0xBB && in.read() == 0xBF)) {
			in.reset();
		}
		return new InputStreamReader(in,
				StandardCharsets.UTF_8.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT));
	}

}
