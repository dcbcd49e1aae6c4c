# The lesson's trainer.dockerfile (pip replaced by a step the offline lab can run)
mkdir -p project/src/models project/data/processed && cd project
cat > requirements.txt <<'END'
torch>=1.8
numpy>=1.17
END
cat > setup.py <<'END'
from setuptools import find_packages, setup

setup(name="src", packages=find_packages(), version="0.1.0")
END
echo 'print("training")' > src/models/train_model.py
touch src/__init__.py src/models/__init__.py
printf 'tensors' > data/processed/train.pt
cat > trainer.dockerfile <<'END'
# Base image
FROM python:3.7-slim

COPY requirement.txt requirement.txt
COPY setup.py setup.py
COPY src/ src/
COPY data/ data/

WORKDIR /
RUN echo pip install -r requirements.txt --no-cache-dir

ENTRYPOINT ["python", "-u", "src/models/train_model.py"]
END
docker build -f train.dockerfile . -t trainer:latest
docker build -f trainer.dockerfile . -t trainer:latest
sed -i 's/requirement.txt/requirements.txt/g' trainer.dockerfile
docker build -f trainer.dockerfile . -t trainer:latest
docker build -f trainer.dockerfile . -t trainer:latest
echo 'print("training v2")' > src/models/train_model.py
docker build -f trainer.dockerfile . -t trainer:latest
docker history --format "{{.CreatedBy}}|{{.Size}}" trainer | head -7
docker run --rm --entrypoint cat trainer /src/models/train_model.py
