package org.safepassage.letters.directory;

import java.time.LocalDate;

/** A representative as the directory holds them, with the body and area they sit for. */
public record Representative(long id, String bodyCode, String bodyName, String areaCode, String areaName, String name,
		String party, String email, String postalAddress, LocalDate validFrom, LocalDate validTo, boolean demo) {
}
