package org.safepassage.booklets.fulfilment;

import java.time.Instant;

/** A confirmed order as the staff and the mailing house need it. */
public record OrderToFulfil(long id, long bookletId, String title, int quantity, String language, String country,
		String name, String line1, String line2, String town, String region, String postcode, String email,
		Instant confirmedAt) {

	/** The reference printed on the label and quoted back by the mailing house. */
	public String reference() {
		return "BK-" + id;
	}

}
