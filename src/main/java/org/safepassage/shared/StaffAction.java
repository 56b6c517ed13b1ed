package org.safepassage.shared;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Runs a staff action and redirects back to its page, with "done" or the broken rule's
 * message key as a flash attribute (the admin pages show either).
 */
public final class StaffAction {

	private StaffAction() {
	}

	public static String thenRedirect(Runnable action, RedirectAttributes redirect, String redirectTo) {
		try {
			action.run();
			redirect.addFlashAttribute("done", true);
		}
		catch (RuleViolation violation) {
			redirect.addFlashAttribute("ruleError", violation.messageKey());
		}
		return "redirect:" + redirectTo;
	}

}
