package org.safepassage.letters.importing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.safepassage.letters.directory.Postcodes;

/**
 * The rows of a postcode file, read one at a time and never held: each postcode becomes
 * its links, one per body the file covers. A link without an area says the postcode lies
 * in none of that body's areas (a terminated postcode, or ONS's "no area" code
 * {@code S99999999}); importing it removes what the directory had for that postcode and
 * body.
 */
final class PostcodeFile {

	static final String COMMONS = "uk-commons";

	static final String HOLYROOD = "scottish-parliament";

	/** A GSS code: a letter and eight digits. */
	private static final Pattern GSS = Pattern.compile("[A-Z][0-9]{8}");

	/** ONS's code for "not in any area of this kind". */
	private static final Pattern NO_AREA = Pattern.compile("[A-Z]99999999");

	/** Codes in our own format: any body staff add may use its own. */
	static final Pattern NATIVE_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,39}");

	record Link(String body, String area, String parent) {
	}

	@FunctionalInterface
	interface Sink {

		void accept(String postcode, List<Link> links) throws IOException;

	}

	record Counts(long rows, long postcodes, long skipped) {
	}

	private final FileKind kind;

	private final String postcode;

	private final String pcon;

	private final String spc;

	private final String spr;

	private final Set<String> bodies;

	private PostcodeFile(FileKind kind, String postcode, String pcon, String spc, String spr, Set<String> bodies) {
		this.kind = kind;
		this.postcode = postcode;
		this.pcon = pcon;
		this.spc = spc;
		this.spr = spr;
		this.bodies = bodies;
	}

	/** Empty, with the problem noted, when the header lacks what the kind needs. */
	static Optional<PostcodeFile> of(FileKind kind, List<String> header, Set<String> knownBodies, Problems problems) {
		if (kind == FileKind.NATIVE_POSTCODES) {
			return Optional.of(new PostcodeFile(kind, "postcode", null, null, null, knownBodies));
		}
		String postcode = header.contains("pcds") ? "pcds" : "pcd";
		String pcon = FileKind.column(header, FileKind.PCON).orElse(null);
		String spc = FileKind.column(header, FileKind.SPC).orElse(null);
		String spr = FileKind.column(header, FileKind.SPR).orElse(null);
		if (pcon == null && spc == null && spr == null) {
			problems.add(1, "", "letters.import.noAreaColumns");
			return Optional.empty();
		}
		return Optional.of(new PostcodeFile(kind, postcode, pcon, spc, spr, knownBodies));
	}

	Counts read(CSVParser parser, Problems problems, Sink sink) throws IOException {
		long rows = 0;
		long postcodes = 0;
		long skipped = 0;
		long previousEnd = parser.getCurrentLineNumber();
		for (CSVRecord record : parser) {
			long line = previousEnd + 1;
			previousEnd = parser.getCurrentLineNumber();
			rows++;
			Optional<String> key = Postcodes.key(value(record, postcode));
			if (key.isEmpty()) {
				problems.add(line, postcode, "letters.import.badPostcode", shown(value(record, postcode)));
				continue;
			}
			List<Link> links = kind == FileKind.ONSPD ? onspd(record, line, problems)
					: nativeLink(record, line, problems);
			if (links == null) {
				continue;
			}
			if (links.stream().anyMatch(l -> l.area() != null)) {
				postcodes++;
			}
			else {
				skipped++;
			}
			if (sink != null && !problems.any()) {
				sink.accept(key.get(), links);
			}
		}
		return new Counts(rows, postcodes, skipped);
	}

	private List<Link> onspd(CSVRecord record, long line, Problems problems) {
		boolean terminated = value(record, "doterm") != null;
		long problemsBefore = problems.count();
		List<Link> links = new ArrayList<>(2);
		if (pcon != null) {
			links.add(new Link(COMMONS, terminated ? null : gss(record, pcon, line, problems), null));
		}
		if (spc != null || spr != null) {
			String constituency = terminated || spc == null ? null : gss(record, spc, line, problems);
			String region = terminated || spr == null ? null : gss(record, spr, line, problems);
			links.add(
					constituency != null ? new Link(HOLYROOD, constituency, region) : new Link(HOLYROOD, region, null));
		}
		return problems.count() > problemsBefore ? null : links;
	}

	/** The code, or null for none and for a bad one (noted). */
	private static String gss(CSVRecord record, String column, long line, Problems problems) {
		String code = value(record, column);
		if (code == null || NO_AREA.matcher(code).matches()) {
			return null;
		}
		if (!GSS.matcher(code).matches()) {
			problems.add(line, column, "letters.import.badGss", shown(code));
			return null;
		}
		return code;
	}

	private List<Link> nativeLink(CSVRecord record, long line, Problems problems) {
		String body = value(record, "body");
		String code = value(record, "area_code");
		boolean bad = false;
		if (body == null || !bodies.contains(body)) {
			problems.add(line, "body", "letters.import.unknownBody", shown(body));
			bad = true;
		}
		if (code != null && !NATIVE_CODE.matcher(code).matches()) {
			problems.add(line, "area_code", "letters.import.badCode", shown(code));
			bad = true;
		}
		return bad ? null : List.of(new Link(body, code, null));
	}

	static String value(CSVRecord record, String column) {
		if (column == null || !record.isMapped(column) || !record.isSet(column)) {
			return null;
		}
		String value = record.get(column).strip();
		return value.isEmpty() ? null : value;
	}

	/** A value as a problem quotes it: short, whatever it holds. */
	static String shown(String value) {
		if (value == null) {
			return "";
		}
		return value.length() > 40 ? value.substring(0, 40) + "…" : value;
	}

}
