/** Every message the simulated python prints that is not the lesson scripts' own output. */

export const PY = {
  /** The honest refusal for code the simulator cannot run. */
  notLessonScript: (prog: string, script: string) =>
    `${prog}: the course's simulator runs only the lesson's Python programs as shipped ` +
    `(src/models/train_model.py, src/models/predict_model.py, src/data/make_dataset.py, src/data/make_synthetic.py, pytorch_docker.py); ` +
    `${script} is not one of them, or it was changed. Run the original file, or run your change on your own machine.\n`,
  modelChanged: (path: string) =>
    `(course simulator) ${path} differs from the starter project's src/models/model.py; the simulator runs the lesson's programs only as shipped.\n`,
  dataUnknown: (path: string) =>
    `(course simulator) ${path} is not one of the starter project's data files; the simulator only knows the data that ships with the project.\n`,
  noArbitraryPython: (prog: string) =>
    `${prog}: the course's simulator does not run arbitrary Python. It understands print() of literals, ` +
    `"import torch; print(torch.__version__)" and "import torch; print(torch.cuda.is_available())".\n`,
  replUnsupported: '(course simulator) this Python prompt only evaluates literals and torch/numpy versions; exit() or Ctrl+D leaves it.\n',
  noMnistDownload: '(course simulator) downloading the real MNIST is not simulated; the synthetic data in data/ is what this course trains on.\n',
  cantOpen: (prog: string, path: string, errno: string) => `${prog}: can't open file '${path}': ${errno}\n`,
  noModule: (prog: string, module: string) => `${prog}: No module named ${module}\n`,
  unknownOption: (prog: string, option: string) =>
    `unknown option ${option}\nusage: ${prog} [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry \`python -h' for more information.\n`,
  argumentExpected: (prog: string, option: string) =>
    `Argument expected for the ${option} option\nusage: ${prog} [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry \`python -h' for more information.\n`,
  notAPipCommand: (prog: string, what: string) => `(course simulator) ${prog}: "${what}" is not simulated; pip install, list, freeze, show and --version are.\n`,
} as const;

export const HELP_TEXT = (prog: string) => `usage: ${prog} [option] ... [-c cmd | -m mod | file | -] [arg] ...
Options (and corresponding environment variables):
-b     : issue warnings about str(bytes_instance), str(bytearray_instance)
         and comparing bytes/bytearray with str. (-bb: issue errors)
-B     : don't write .pyc files on import; also PYTHONDONTWRITEBYTECODE=x
-c cmd : program passed in as string (terminates option list)
-E     : ignore PYTHON* environment variables (such as PYTHONPATH)
-h     : print this help message and exit (also -? or --help)
-i     : inspect interactively after running script; forces a prompt even
         if stdin does not appear to be a terminal; also PYTHONINSPECT=x
-I     : isolate Python from the user's environment (implies -E and -s)
-m mod : run library module as a script (terminates option list)
-O     : remove assert and __debug__-dependent statements; add .opt-1 before
         .pyc extension; also PYTHONOPTIMIZE=x
-q     : don't print version and copyright messages on interactive startup
-s     : don't add user site directory to sys.path; also PYTHONNOUSERSITE
-S     : don't imply 'import site' on initialization
-u     : force the stdout and stderr streams to be unbuffered;
         this option has no effect on stdin; also PYTHONUNBUFFERED=x
-v     : verbose (trace import statements); also PYTHONVERBOSE=x
         can be supplied multiple times to increase verbosity
-V     : print the Python version number and exit (also --version)
         when given twice, print more information about the build
-W arg : warning control; arg is action:message:category:module:lineno
         also PYTHONWARNINGS=arg
-x     : skip first line of source, allowing use of non-Unix forms of #!cmd
-X opt : set implementation-specific option
file   : program read from script file
-      : program read from stdin (default; interactive mode if a tty)
arg ...: arguments passed to program in sys.argv[1:]
`;
