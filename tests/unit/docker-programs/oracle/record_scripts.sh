#!/bin/bash
# Records what the starter project's scripts really print (Debian's python3 + python3-torch), as
# fixtures for the simulated python: run from the repository root.
#   bash tests/unit/docker-programs/oracle/record_scripts.sh
set -u
OUT=$PWD/tests/unit/docker-programs/fixtures
W=$(mktemp -d); cp -r content/project/. $W/; cd $W; rm -rf models
P=/usr/bin/python3
rec() { local name=$1; shift; "$@" > $OUT/$name.stdout 2> $OUT/$name.stderr; echo $? > $OUT/$name.status; }
rec train-epochs3 $P src/models/train_model.py --epochs 3
rec train-default $P src/models/train_model.py
rec predict-default-examples $P src/models/predict_model.py models/trained_model.pt data/example_images.npy
rec predict-default-test $P src/models/predict_model.py models/trained_model.pt data/processed/test.pt
rec train-help $P src/models/train_model.py --help
for a in "--epochs 0" "--epochs x" "--lr 0" "--batch-size 0" "--foo" "--data-dir nowhere" "--epochs"; do rec "train-error${a// /_}" $P src/models/train_model.py $a; done
rec predict-help $P src/models/predict_model.py --help
rec predict-noargs $P src/models/predict_model.py
rec predict-onearg $P src/models/predict_model.py models/trained_model.pt
rec predict-missing-model $P src/models/predict_model.py nope.pt data/example_images.npy
rec predict-missing-images $P src/models/predict_model.py models/trained_model.pt nope.npy
rec predict-bad-suffix $P src/models/predict_model.py models/trained_model.pt data/raw/synthetic_digits.npz
rec predict-model-as-images $P src/models/predict_model.py models/trained_model.pt models/trained_model.pt
rec predict-data-as-model $P src/models/predict_model.py data/processed/test.pt data/example_images.npy
rec train-no-torch $P -S src/models/train_model.py
rec predict-no-numpy $P -S src/models/predict_model.py a b
rec pytorch-docker $P pytorch_docker.py
rec pytorch-docker-no-torch $P -S pytorch_docker.py
rec make-dataset $P src/data/make_dataset.py
rec make-dataset-help $P src/data/make_dataset.py --help
rec make-dataset-download-synthetic $P src/data/make_dataset.py --download
rec make-synthetic $P src/data/make_synthetic.py
rec c-torch-version $P -c "import torch; print(torch.__version__)"
rec c-cuda $P -c "import torch; print(torch.cuda.is_available())"
rec c-print $P -c "print('hello', 1 + 2, 2 / 4, True, None)"
rec c-no-torch $P -S -c "import torch"
rec version $P --version
echo "$W" > $OUT/workdir.txt
rm -rf $W
