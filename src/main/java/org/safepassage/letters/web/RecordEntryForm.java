package org.safepassage.letters.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.safepassage.letters.record.RecordEntry;
import org.safepassage.letters.record.RecordKind;
import org.safepassage.shared.validation.EnumNames;
import org.safepassage.shared.validation.FormValues;
import org.safepassage.shared.validation.IsoDate;
import org.safepassage.shared.validation.OneOf;
import org.safepassage.shared.validation.PlainText;

/** The staff form for one entry of a campaign's parliamentary record. */
record RecordEntryForm(@NotBlank @Size(max = 10) @IsoDate String day,
		@NotBlank(message = "{validation.oneOf}") @OneOf(RecordKind.class) String kind,
		@NotBlank @Size(max = 100) @PlainText String body, @Size(max = 150) @PlainText String member,
		@Size(max = 500) @Pattern(regexp = "https?://[^\\s<>\"]+",
				message = "{letters.record.link.invalid}") @PlainText String link,
		@NotBlank @Size(max = 1000) @PlainText(multiline = true) String summary) {

	static RecordEntryForm empty() {
		return new RecordEntryForm("", "", "", "", "", "");
	}

	static RecordEntryForm of(RecordEntry e) {
		return new RecordEntryForm(e.day().toString(), e.kind().name(), e.body(), e.member(),
				e.link() == null ? "" : e.link(), e.summary());
	}

	RecordEntry toEntry(Long id, long campaignId) {
		String address = FormValues.text(link);
		return new RecordEntry(id, campaignId, FormValues.day(day), EnumNames.parse(RecordKind.class, kind),
				body.strip(), member == null ? "" : member.strip(), address, summary.strip());
	}

}
