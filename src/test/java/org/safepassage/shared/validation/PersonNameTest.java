package org.safepassage.shared.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

/**
 * A name is mailed to whatever address was typed ("Dear …"): it may not carry a link or
 * an address for someone else to follow.
 */
class PersonNameTest {

	record Named(@PersonName String name) {
	}

	private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

	private Set<String> messages(String name) {
		return validator.validate(new Named(name))
			.stream()
			.map(ConstraintViolation::getMessageTemplate)
			.collect(Collectors.toSet());
	}

	@Test
	void realNamesPass() {
		for (String name : new String[] { "Alice", "김민준", "Jean-Luc Picard", "J.R.R. Tolkien", "Dr. med. Anna Müller",
				"A.B. Smith", "Mary O'Neill", "Ph.D. Chen", "阿卜杜拉·买买提", "Zoë 3rd", "St. John", "", "  " }) {
			assertThat(messages(name)).as(name).isEmpty();
		}
		assertThat(messages(null)).isEmpty();
	}

	@Test
	void linksAndAddressesAreRefusedWithOneMessage() {
		for (String name : new String[] { "Alice visit http://evil.example/", "Alice https://x", "ftp://files",
				"see www.evil", "WWW.EVIL.ORG", "Alice evil.example", "bit.ly/abc", "Bob t.co", "xn--80ak6aa92e.com",
				"пример.рф", "alice@example.org", "Alice @ home", "Alice ＠ home", "evil．example", "mailto:alice",
				"visit 192.168.0.1 now", "javascript:alert(1)" }) {
			assertThat(messages(name)).as(name).containsExactly("{validation.personName}");
		}
	}

}
