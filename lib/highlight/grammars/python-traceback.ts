import type { LanguageRegistration } from 'shiki/core';

/*
 * Python tracebacks: header, `File "x", line N, in f` frames, the exception line; other
 * lines (the quoted source) are tokenized as Python one line at a time, so an unclosed
 * bracket in a quoted line cannot swallow the rest of the traceback.
 */
export const pythonTraceback: LanguageRegistration = {
  name: 'python-traceback',
  scopeName: 'text.python-traceback',
  displayName: 'Python traceback',
  embeddedLangs: ['python'],
  repository: {},
  patterns: [
    // `Traceback (most recent call last):`
    {
      name: 'markup.heading.python-traceback',
      match: /\bTraceback \(most recent call last\):?/.source,
    },
    {
      // `  File "/usr/lib/lit/TestingConfig.py", line 88, in load_from_path`
      match:
        /^\s{0,16}(File) ("[^"]{0,1024}")(?:(,) (line) (\d{1,9}))?(?:(,) (in) ([\w<>.]{1,256}))?/
          .source,
      captures: {
        1: { name: 'keyword.other.python-traceback' },
        2: { name: 'string.quoted.double.python-traceback' },
        4: { name: 'keyword.other.python-traceback' },
        5: { name: 'constant.numeric.python-traceback' },
        7: { name: 'keyword.other.python-traceback' },
        8: { name: 'entity.name.function.python-traceback' },
      },
    },
    {
      // `AttributeError: 'NoneType' object has no attribute 'use_lit_shell'`
      match:
        /^\s{0,16}([A-Za-z_][\w.]{0,127}(?:Error|Exception|Warning|Exit|Interrupt|Fault))(:|$)(.{0,2000})/
          .source,
      captures: {
        1: { name: 'message.error.python-traceback' },
        3: { name: 'string.unquoted.python-traceback' },
      },
    },
    {
      match: /^(.{1,10000})$/.source,
      captures: { 1: { patterns: [{ include: 'source.python' }] } },
    },
  ],
};
