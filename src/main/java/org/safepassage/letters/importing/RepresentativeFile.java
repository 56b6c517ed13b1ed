package org.safepassage.letters.importing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The rows of a file of areas and representatives in one of three formats (native,
 * TheyWorkForYou, Democracy Club), each turned into a {@link MemberRow} and checked with
 * its rules. Small files: the rows that pass are kept for the import.
 */
final class RepresentativeFile {

	static final List<String> NATIVE_COLUMNS = List.of("body", "area_code", "area_name", "parent_area_code", "key",
			"name", "party", "email", "postal_address", "valid_from", "valid_to");

	private static final Map<FileKind, List<String>> REQUIRED = Map.of(FileKind.NATIVE_REPRESENTATIVES,
			List.of("body", "area_code", "area_name"), FileKind.THEY_WORK_FOR_YOU,
			List.of("person id", "first name", "last name", "party", "constituency"), FileKind.DEMOCRACY_CLUB,
			List.of("person_id", "person_name", "election_id", "election_date", "party_name", "post_label", "elected"));

	/** Democracy Club's election ids start with the body's: {@code parl.2024-07-04}. */
	private static final Map<String, String> ELECTION_BODIES = Map.of("parl.", PostcodeFile.COMMONS, "sp.c.",
			PostcodeFile.HOLYROOD, "sp.r.", PostcodeFile.HOLYROOD, "senedd.", "senedd", "nia.", "ni-assembly");

	private static final Set<String> YES = Set.of("t", "true", "yes", "y", "1");

	/** The directory's areas: codes by body, and codes by body and name (lower case). */
	record Areas(Set<String> codes, Map<String, String> codeByName) {

		static String key(String body, String codeOrName) {
			return body + "\t" + codeOrName.strip().toLowerCase(Locale.ROOT);
		}

	}

	record Planned(long line, MemberRow row) {
	}

	record Plan(List<Planned> rows, long total, long skipped) {
	}

	private final FileKind kind;

	private final Validator validator;

	private final Set<String> bodies;

	private final Areas areas;

	private final Problems problems;

	RepresentativeFile(FileKind kind, Validator validator, Set<String> bodies, Areas areas, Problems problems) {
		this.kind = kind;
		this.validator = validator;
		this.bodies = bodies;
		this.areas = areas;
		this.problems = problems;
	}

	/** False, with the problems noted, when columns are missing or unknown. */
	boolean headerFits(List<String> header) {
		List<String> missing = REQUIRED.get(kind).stream().filter(c -> !header.contains(c)).toList();
		if (!missing.isEmpty()) {
			problems.add(1, "", "letters.import.missingColumns", String.join(", ", missing));
		}
		if (kind == FileKind.NATIVE_REPRESENTATIVES) {
			List<String> unknown = header.stream().filter(c -> !NATIVE_COLUMNS.contains(c)).toList();
			if (!unknown.isEmpty()) {
				problems.add(1, "", "letters.import.unknownColumns", String.join(", ", unknown));
			}
		}
		return !problems.any();
	}

	Plan read(CSVParser parser) {
		List<Planned> planned = new ArrayList<>();
		long total = 0;
		long skipped = 0;
		long previousEnd = parser.getCurrentLineNumber();
		for (CSVRecord record : parser) {
			long line = previousEnd + 1;
			previousEnd = parser.getCurrentLineNumber();
			total++;
			if (kind == FileKind.DEMOCRACY_CLUB && !elected(record)) {
				skipped++;
				continue;
			}
			Optional<MemberRow> row = switch (kind) {
				case THEY_WORK_FOR_YOU -> theyWorkForYou(record, line);
				case DEMOCRACY_CLUB -> democracyClub(record, line);
				default -> nativeRow(record, line);
			};
			if (row.isPresent() && valid(row.get(), line)) {
				planned.add(new Planned(line, row.get()));
			}
		}
		checkParents(planned);
		return new Plan(planned, total, skipped);
	}

	private Optional<MemberRow> nativeRow(CSVRecord r, long line) {
		String body = value(r, "body");
		if (body != null && !bodies.contains(body)) {
			problems.add(line, "body", "letters.import.unknownBody", PostcodeFile.shown(body));
			return Optional.empty();
		}
		if (value(r, "area_name") == null) {
			problems.add(line, "area_name", "jakarta.validation.constraints.NotBlank.message");
			return Optional.empty();
		}
		return Optional.of(new MemberRow(body, value(r, "area_code"), value(r, "area_name"),
				value(r, "parent_area_code"), value(r, "key"), value(r, "name"), value(r, "party"), value(r, "email"),
				value(r, "postal_address"), value(r, "valid_from"), value(r, "valid_to")));
	}

	private Optional<MemberRow> theyWorkForYou(CSVRecord r, long line) {
		String constituency = value(r, "constituency");
		String code = constituency == null ? null
				: areas.codeByName().get(Areas.key(PostcodeFile.COMMONS, constituency));
		if (code == null) {
			problems.add(line, "constituency", "letters.import.unknownArea", PostcodeFile.shown(constituency));
			return Optional.empty();
		}
		String id = value(r, "person id");
		String name = join(value(r, "first name"), value(r, "last name"));
		return Optional.of(new MemberRow(PostcodeFile.COMMONS, code, null, null, id == null ? null : "twfy:" + id, name,
				value(r, "party"), null, null, null, null));
	}

	/** Candidates who were not elected are skipped, not wrong. */
	private static boolean elected(CSVRecord r) {
		String elected = value(r, "elected");
		return elected != null && YES.contains(elected.toLowerCase(Locale.ROOT));
	}

	private Optional<MemberRow> democracyClub(CSVRecord r, long line) {
		String election = value(r, "election_id");
		String body = election == null ? null
				: ELECTION_BODIES.entrySet()
					.stream()
					.filter(e -> election.startsWith(e.getKey()))
					.map(Map.Entry::getValue)
					.findFirst()
					.orElse(null);
		if (body == null || !bodies.contains(body)) {
			problems.add(line, "election_id", "letters.import.unknownElection", PostcodeFile.shown(election));
			return Optional.empty();
		}
		String post = value(r, "post_label");
		String gss = value(r, "gss");
		String code = gss != null ? gss : post == null ? null : areas.codeByName().get(Areas.key(body, post));
		if (code == null) {
			problems.add(line, "post_label", "letters.import.unknownArea", PostcodeFile.shown(post));
			return Optional.empty();
		}
		String id = value(r, "person_id");
		return Optional.of(new MemberRow(body, code, gss != null ? post : null, null, id == null ? null : "dc:" + id,
				value(r, "person_name"), value(r, "party_name"), value(r, "email"), null, value(r, "election_date"),
				null));
	}

	private boolean valid(MemberRow row, long line) {
		long before = problems.count();
		List<ConstraintViolation<MemberRow>> violations = new ArrayList<>(validator.validate(row));
		violations.sort(Comparator.comparing(v -> v.getPropertyPath().toString()));
		for (ConstraintViolation<MemberRow> v : violations) {
			problems.addText(line, column(v.getPropertyPath().toString()), v.getMessage());
		}
		return problems.count() == before;
	}

	/** A parent area must be in the directory or defined in the same file. */
	private void checkParents(List<Planned> planned) {
		Set<String> defined = new HashSet<>(areas.codes());
		planned.forEach(p -> defined.add(Areas.key(p.row().body(), p.row().areaCode())));
		for (Planned p : planned) {
			String parent = p.row().parentAreaCode();
			if (parent != null && !defined.contains(Areas.key(p.row().body(), parent))) {
				problems.add(p.line(), "parent_area_code", "letters.import.unknownParent", parent);
			}
		}
	}

	/** The native column a field is read from. */
	private static String column(String field) {
		Map<String, String> columns = new HashMap<>();
		columns.put("areaCode", "area_code");
		columns.put("areaName", "area_name");
		columns.put("parentAreaCode", "parent_area_code");
		columns.put("postalAddress", "postal_address");
		columns.put("validFrom", "valid_from");
		columns.put("validTo", "valid_to");
		return columns.getOrDefault(field, field);
	}

	private static String join(String first, String last) {
		String name = ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
		return name.isEmpty() ? null : name;
	}

	private static String value(CSVRecord record, String column) {
		return PostcodeFile.value(record, column);
	}

}
