from stodmaterial.cli import main

raise SystemExit(main())
