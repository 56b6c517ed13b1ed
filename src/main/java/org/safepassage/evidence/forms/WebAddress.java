package org.safepassage.evidence.forms;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.safepassage.shared.validation.FormValues;

/**
 * A web address a reader can open from a public page: http or https, with a host. Empty
 * is allowed.
 */
@Documented
@Constraint(validatedBy = WebAddress.Validator.class)
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface WebAddress {

	String message() default "{evidence.url.invalid}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<WebAddress, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			String address = FormValues.text(value);
			if (address == null) {
				return true;
			}
			try {
				URI uri = new URI(address);
				String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
				return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
			}
			catch (URISyntaxException e) {
				return false;
			}
		}

	}

}
