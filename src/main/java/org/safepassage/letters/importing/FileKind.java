package org.safepassage.letters.importing;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The formats the directory imports, told apart by their header row (names compared in
 * lower case). docs/letters-import.md describes each.
 */
public enum FileKind {

	/**
	 * ONS Postcode Directory style: {@code pcds} with {@code pcon}, {@code spc},
	 * {@code spr}.
	 */
	ONSPD(true),
	/** Our own postcode format: {@code postcode,body,area_code}. */
	NATIVE_POSTCODES(true),
	/**
	 * TheyWorkForYou's list of MPs:
	 * {@code Person ID,First name,Last name,Party,Constituency}.
	 */
	THEY_WORK_FOR_YOU(false),
	/**
	 * Democracy Club candidates:
	 * {@code person_id,person_name,election_id,post_label,...}.
	 */
	DEMOCRACY_CLUB(false),
	/**
	 * Our own format for areas and representatives: {@code body,area_code,area_name,...}.
	 */
	NATIVE_REPRESENTATIVES(false);

	/**
	 * A Westminster constituency column: {@code pcon}, or dated as in newer releases
	 * ({@code pcon24cd}).
	 */
	static final Pattern PCON = Pattern.compile("pcon(\\d{2}cd)?");

	/** ONS's Scottish Parliamentary Constituency ({@code spc}, {@code spc21cd}). */
	static final Pattern SPC = Pattern.compile("spc(\\d{2}cd)?");

	/** ONS's Scottish Parliamentary Region ({@code spr}, {@code spr21cd}). */
	static final Pattern SPR = Pattern.compile("spr(\\d{2}cd)?");

	private final boolean postcodes;

	FileKind(boolean postcodes) {
		this.postcodes = postcodes;
	}

	public boolean postcodes() {
		return postcodes;
	}

	static Optional<FileKind> detect(List<String> header) {
		if (header.contains("pcds") || header.contains("pcd")) {
			return Optional.of(ONSPD);
		}
		if (header.contains("postcode") && header.contains("body") && header.contains("area_code")) {
			return Optional.of(NATIVE_POSTCODES);
		}
		if (header.contains("person id") && header.contains("constituency")) {
			return Optional.of(THEY_WORK_FOR_YOU);
		}
		if (header.contains("person_id") && header.contains("election_id")) {
			return Optional.of(DEMOCRACY_CLUB);
		}
		if (header.contains("body") && header.contains("area_code")) {
			return Optional.of(NATIVE_REPRESENTATIVES);
		}
		return Optional.empty();
	}

	static Optional<String> column(List<String> header, Pattern pattern) {
		return header.stream().filter(h -> pattern.matcher(h).matches()).findFirst();
	}

}
