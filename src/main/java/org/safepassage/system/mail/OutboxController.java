package org.safepassage.system.mail;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.safepassage.shared.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff read queued and sent mail here: its metadata, never its body while an SMTP server
 * delivers it, since a body's links act in the recipient's name (a moderator once
 * confirmed a stranger's signature from here). With no SMTP server configured this is
 * where mail is delivered, so admins (only: {@code SecurityConfiguration}) read bodies
 * and follow their links on the page of one mail.
 */
@Controller
@RequestMapping("/admin/outbox")
class OutboxController {

	private static final int PAGE_SIZE = 50;

	private final OutboxArchive archive;

	private final Outbox outbox;

	private final boolean smtpConfigured;

	private final Clock clock;

	OutboxController(OutboxArchive archive, Outbox outbox, ObjectProvider<JavaMailSender> sender, Clock clock) {
		this.clock = clock;
		this.archive = archive;
		this.outbox = outbox;
		this.smtpConfigured = sender.getIfAvailable() != null;
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "9223372036854775807") long before, Model model) {
		List<OutboxArchive.MailSummary> mails = this.archive.page(before, PAGE_SIZE);
		model.addAttribute("mails", mails);
		model.addAttribute("counts", outbox.countsByStatus());
		model.addAttribute("oldestWaiting",
				outbox.queue()
					.oldestQueuedAt()
					.map(queued -> Duration.between(queued, clock.instant()))
					.map(OutboxController::age)
					.orElse(null));
		model.addAttribute("smtpConfigured", smtpConfigured);
		model.addAttribute("nextBefore", mails.size() == PAGE_SIZE ? mails.getLast().id() : null);
		return "admin/outbox/list";
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Model model) {
		OutboxArchive.MailView mail = this.archive.find(id).orElseThrow(() -> new NotFoundException("No mail " + id));
		OutboxArchive.MailView shown = smtpConfigured ? mail.withoutBody() : mail;
		model.addAttribute("mail", shown);
		model.addAttribute("links", shown.links());
		model.addAttribute("smtpConfigured", smtpConfigured);
		return "admin/outbox/show";
	}

	/** After an outage longer than the retry period: a failed mail goes again, as new. */
	@PostMapping("/{id}/send-again")
	String sendAgain(@PathVariable long id, RedirectAttributes redirect) {
		this.archive.find(id).orElseThrow(() -> new NotFoundException("No mail " + id));
		redirect.addFlashAttribute(outbox.sendAgain(id) ? "sentAgain" : "cannotSendAgain", true);
		return "redirect:/admin/outbox/" + id;
	}

	/** Hours and minutes, for a queue that waits minutes to days. */
	static String age(Duration age) {
		return age.toHours() + " h " + age.toMinutesPart() + " min";
	}

}
