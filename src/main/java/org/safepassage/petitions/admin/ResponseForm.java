package org.safepassage.petitions.admin;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.Locale;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.safepassage.petitions.delivery.DeliveryRecords;
import org.safepassage.shared.validation.CrossField;
import org.safepassage.shared.validation.FormValues;
import org.safepassage.shared.validation.IsoDate;
import org.safepassage.shared.validation.PlainText;

/**
 * A response from the target or a government, as staff record it. The source is a web
 * page a reader can open (http or https, with a host), or nothing.
 */
@CrossField
record ResponseForm(@NotBlank @Size(max = 10) @IsoDate String respondedOn,
		@NotBlank @Size(max = 200) @PlainText String responder,
		@NotBlank @Size(max = 10_000) @PlainText(multiline = true) String body,
		@Size(max = 2000) @PlainText String sourceUrl) implements CrossField.Checked {

	static ResponseForm empty(LocalDate today) {
		return new ResponseForm(today.toString(), "", "", "");
	}

	@Override
	public void check(CrossField.Errors errors) {
		String url = FormValues.text(sourceUrl);
		if (url != null && !isWebAddress(url)) {
			errors.reject("sourceUrl", "response.sourceUrl.invalid");
		}
	}

	static boolean isWebAddress(String url) {
		try {
			URI uri = new URI(url);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
		}
		catch (URISyntaxException e) {
			return false;
		}
	}

	DeliveryRecords.Response toResponse() {
		return new DeliveryRecords.Response(FormValues.day(respondedOn), responder.strip(), body.strip(),
				FormValues.text(sourceUrl));
	}

}
