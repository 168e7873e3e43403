import type { LanguageRegistration } from 'shiki/core';

/*
 * Shell sessions as kernel developers paste them. shiki's `shellsession` only knows a
 * bare `$ ` or `user@host:~$ ` prompt, so `user$ make`, `root# cd /x` and `~/linux$ git log`
 * would come out as plain output. This grammar recognises those prompts, tokenizes the
 * command as shellscript, and greys the output lines.
 */
export const shellPrompt: LanguageRegistration = {
  name: 'shell-prompt',
  scopeName: 'text.shell-prompt',
  displayName: 'Shell session',
  embeddedLangs: ['shellscript'],
  repository: {},
  patterns: [
    {
      // `$ ls`, `# reboot`, `user$ make`, `root# cd /x`, `~/linux$ git log`,
      // `user@host:~/linux$ make`, `[user@host linux]$ make`, `(venv) $ pip`
      match:
        /^(\s{0,8}(?:\([\w.-]{1,32}\)\s{0,4})?(?:\[[^\]\s]{1,64}(?: [^\]]{1,64})?\]|[\w.~\/@:+-]{1,64})?)([$#%>])(\s{1,8})(.{0,10000})$/
          .source,
      captures: {
        1: { name: 'entity.other.prompt-prefix.shell-prompt' },
        2: { name: 'keyword.other.prompt.shell-prompt' },
        4: { name: 'source.shell', patterns: [{ include: 'source.shell' }] },
      },
    },
    { name: 'meta.output.shell-prompt', match: /^.{1,10000}$/.source },
  ],
};
