package org.safepassage.petitions.pack;

import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.safepassage.shared.SpreadsheetCells;

/**
 * One signature as the delivery pack shows it: the name in its canonical form, the
 * country code and the UTC day the signature was confirmed. Nothing else of a signer ever
 * leaves in a pack.
 *
 * @param name NFC, with tab, carriage return and line feed turned into spaces, and an
 * apostrophe before a name that starts like a spreadsheet formula; exactly the CSV cell
 * @param country ISO 3166 code, two capital letters
 * @param signedOn the UTC day of confirmation
 */
public record PackRow(String name, String country, LocalDate signedOn) {

	public static PackRow of(String storedName, String country, Instant confirmedAt) {
		return new PackRow(canonicalName(storedName), country.strip(),
				LocalDate.ofInstant(confirmedAt, ZoneOffset.UTC));
	}

	/** The canonical form of a stored name (docs/delivery-pack.md, step 2). */
	static String canonicalName(String stored) {
		String nfc = Normalizer.normalize(stored, Normalizer.Form.NFC);
		String flat = nfc.replace('\t', ' ').replace('\r', ' ').replace('\n', ' ');
		return SpreadsheetCells.protect(flat);
	}

	/** The row's line in the canonical list, line feed included. */
	String line() {
		return name + '\t' + country + '\t' + signedOn + '\n';
	}

}
