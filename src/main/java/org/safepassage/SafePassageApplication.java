package org.safepassage;

import org.safepassage.system.backup.BackupCommand;
import org.safepassage.system.sealing.SealingCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class SafePassageApplication {

	public static void main(String[] args) {
		if (BackupCommand.handles(args)) {
			System.exit(BackupCommand.run(args, System.out));
		}
		if (SealingCommand.handles(args)) {
			System.exit(SealingCommand.run(args, System.out));
		}
		SpringApplication.run(SafePassageApplication.class, args);
	}

}
