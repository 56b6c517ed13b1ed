package org.safepassage.booklets.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.safepassage.booklets.domain.BookletContent;
import org.safepassage.shared.validation.PlainText;

/**
 * What staff write about a booklet. The countries are typed as ISO codes ("GB, IE, KR");
 * the stock is asked for only when the booklet is created (later it changes by adding or
 * taking away copies, so a form left open cannot undo confirmed orders).
 */
record BookletForm(@NotBlank @Size(max = 200) @PlainText String title,
		@NotBlank @Size(max = 5000) @PlainText(multiline = true) String description,
		@NotEmpty(message = "{booklets.languages.required}") @Size(max = 10) List<String> languages,
		@NotBlank(message = "{booklets.countries.required}") @Size(max = 1000) @PlainText String countries,
		@NotNull @Min(1) @Max(100) Integer perOrderLimit, @Min(0) @Max(1_000_000) Integer stock) {

	BookletForm {
		languages = languages == null ? List.of() : languages;
	}

	static BookletForm empty(List<String> defaultCountries) {
		return new BookletForm("", "", List.of("en"), String.join(", ", defaultCountries), 5, 0);
	}

	static BookletForm of(BookletContent content) {
		return new BookletForm(content.title(), content.description(), content.languages(),
				String.join(", ", content.countries()), content.perOrderLimit(), null);
	}

	/** The typed codes, upper case, in their order, each once. */
	List<String> countryCodes() {
		return Arrays.stream(countries == null ? new String[0] : countries.split("[\\s,;]+"))
			.filter(code -> !code.isBlank())
			.map(code -> code.strip().toUpperCase(Locale.ROOT))
			.distinct()
			.toList();
	}

	BookletContent toContent() {
		return new BookletContent(title.strip(), description.strip().replace("\r\n", "\n"), languages, countryCodes(),
				perOrderLimit);
	}

}
