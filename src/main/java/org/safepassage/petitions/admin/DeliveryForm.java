package org.safepassage.petitions.admin;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.safepassage.petitions.domain.Delivery;
import org.safepassage.shared.validation.EnumNames;
import org.safepassage.shared.validation.FormValues;
import org.safepassage.shared.validation.IsoDate;
import org.safepassage.shared.validation.OneOf;
import org.safepassage.shared.validation.PlainText;

/**
 * Staff record how a closed petition was handed over. The day cannot be in the future;
 * the photo is a separate upload, checked by {@code DeliveryPhotos}.
 */
record DeliveryForm(@NotBlank @Size(max = 10) @IsoDate String deliveredOn,
		@NotBlank @Size(max = 200) @PlainText String recipientName,
		@NotBlank @Size(max = 200) @PlainText String recipientOffice,
		@NotBlank @OneOf(Delivery.Method.class) String method,
		@Size(max = 2000) @PlainText(multiline = true) String notes) {

	static DeliveryForm empty(LocalDate today) {
		return new DeliveryForm(today.toString(), "", "", "", "");
	}

	Delivery toDelivery() {
		return new Delivery(FormValues.day(deliveredOn), recipientName.strip(), recipientOffice.strip(),
				EnumNames.parse(Delivery.Method.class, method), FormValues.text(notes));
	}

}
