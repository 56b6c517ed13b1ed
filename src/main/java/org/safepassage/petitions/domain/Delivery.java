package org.safepassage.petitions.domain;

import java.time.LocalDate;

/**
 * How a petition was handed over: when, to whom (a person and their office), how, and
 * anything staff want the public to know.
 */
public record Delivery(LocalDate deliveredOn, String recipientName, String recipientOffice, Method method,
		String notes) {

	public enum Method {

		IN_PERSON, POST, EMAIL

	}

}
